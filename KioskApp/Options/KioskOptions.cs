namespace Hall.KioskApp.Options;

/// <summary>The <c>Kiosk</c> settings: which hall server to use and how this kiosk behaves.</summary>
public sealed class KioskOptions
{
    public const string SectionName = "Kiosk";

    /// <summary>The hall server (QueueService), for example <c>http://192.168.1.10:5000</c>. Required.</summary>
    public string ServerUrl { get; set; } = "";

    /// <summary>This kiosk's name in device reports; the printer reports as <c>{DeviceId}/printer</c>.</summary>
    public string DeviceId { get; set; } = "kiosk-1";

    /// <summary>
    /// The key the hall's administrator issued to this kiosk (<c>{DeviceId}.{secret}</c>), sent with every request to the
    /// hall server. Needed when the hall requires device keys; the demo hall documents its kiosks' keys.
    /// </summary>
    public string? DeviceKey { get; set; }

    /// <summary>Seconds without a touch before the page returns to the start screen.</summary>
    public int IdleSeconds { get; set; } = 45;

    /// <summary>The hall's name on the start screen; empty means the name the hall server gives (the ticket always prints the server's).</summary>
    public string? HallName { get; set; }

    /// <summary>The hall's time zone, for the time of issue on the ticket.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>How long one call to the hall server may take before it counts as lost.</summary>
    public int ServerTimeoutSeconds { get; set; } = 10;

    /// <summary>How often the printer's status is read and reported when nobody prints.</summary>
    public int PrinterCheckSeconds { get; set; } = 60;

    public Uri ServerUri => new(ServerUrl.TrimEnd('/') + "/");

    public TimeZoneInfo HallTimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
