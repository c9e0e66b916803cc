using System.Text.Json.Serialization;

namespace Hall.Contracts.Api;

/// <summary>The life of a ticket: waiting → called → serving → done, or noShow / cancelled.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketStatus>))]
public enum TicketStatus
{
    [JsonStringEnumMemberName("waiting")] Waiting,
    [JsonStringEnumMemberName("called")] Called,
    [JsonStringEnumMemberName("serving")] Serving,
    [JsonStringEnumMemberName("done")] Done,
    [JsonStringEnumMemberName("noShow")] NoShow,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
