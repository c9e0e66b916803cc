using System.Text.Json.Serialization;

namespace Hall.Contracts.Api;

/// <summary>Priority classes in calling order (green channel first, normal last).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketPriority>))]
public enum TicketPriority
{
    /// <summary>绿色通道: key projects, granted by staff.</summary>
    [JsonStringEnumMemberName("green")] Green,
    /// <summary>An appointment checked in within its window (预约).</summary>
    [JsonStringEnumMemberName("appointment")] Appointment,
    /// <summary>Elderly or disabled citizens.</summary>
    [JsonStringEnumMemberName("elderly")] Elderly,
    [JsonStringEnumMemberName("normal")] Normal,
}
