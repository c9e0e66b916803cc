using System.Text.Json.Serialization;

namespace Hall.QueueService.HallSetup;

/// <summary>
/// The hall's security settings (the hall file's <c>security</c> section). The demo hall is open, as the interface
/// contract needs; a real hall file sets <c>deviceKeys: required</c> and <c>statistics: staff</c> (see
/// <c>deploy/city/</c> and the threat model in the README).
/// </summary>
public sealed record HallSecurity
{
    /// <summary>Whether kiosks and evaluator tablets must present their device key to issue tickets and ratings.</summary>
    public DeviceKeyPolicy DeviceKeys { get; init; } = DeviceKeyPolicy.Optional;

    /// <summary>Who may read statistics, reports and staffing.</summary>
    public StatisticsAccess Statistics { get; init; } = StatisticsAccess.Open;

    /// <summary>Tickets a kiosk may issue per minute unless its device entry says otherwise (a burst of the same size is allowed).</summary>
    public int IssuesPerMinute { get; init; } = 30;

    /// <summary>
    /// Elderly-priority tickets (老年人优先, self-declared) one kiosk may issue in an hour before a supervisor is
    /// alerted: far above a normal hall's share, so it points at someone taking them to sell.
    /// </summary>
    public int ElderlyAlertPerKioskHour { get; init; } = 20;

    /// <summary>How long a supervisor's login lasts.</summary>
    public int SupervisorSessionHours { get; init; } = 12;
}

[JsonConverter(typeof(JsonStringEnumConverter<DeviceKeyPolicy>))]
public enum DeviceKeyPolicy
{
    /// <summary>A request without a key is accepted (a trusted hall LAN, the demo); a wrong or revoked key is still refused.</summary>
    [JsonStringEnumMemberName("optional")] Optional,
    /// <summary>Issuing, ratings and device reports need a valid key of the right kind of device.</summary>
    [JsonStringEnumMemberName("required")] Required,
}

[JsonConverter(typeof(JsonStringEnumConverter<StatisticsAccess>))]
public enum StatisticsAccess
{
    /// <summary>Anyone on the network (the demo hall and the interface contract).</summary>
    [JsonStringEnumMemberName("open")] Open,
    /// <summary>A logged-in clerk (bearer token), a supervisor or the administrator.</summary>
    [JsonStringEnumMemberName("staff")] Staff,
}
