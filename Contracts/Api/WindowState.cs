using System.Text.Json.Serialization;

namespace Hall.Contracts.Api;

[JsonConverter(typeof(JsonStringEnumConverter<WindowState>))]
public enum WindowState
{
    /// <summary>Nobody logged in.</summary>
    [JsonStringEnumMemberName("closed")] Closed,
    /// <summary>A clerk is logged in and has no ticket.</summary>
    [JsonStringEnumMemberName("idle")] Idle,
    /// <summary>A ticket has been called and the citizen is on the way.</summary>
    [JsonStringEnumMemberName("calling")] Calling,
    [JsonStringEnumMemberName("serving")] Serving,
    [JsonStringEnumMemberName("paused")] Paused,
}
