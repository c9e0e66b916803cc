using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Uplink;

/// <summary>Settings under <c>Uplink:</c>: where this hall ships its event record (its city) and with which key.</summary>
public sealed class UplinkOptions : IValidatableObject
{
    public const string Section = "Uplink";

    /// <summary>The city server's base address; nothing is sent while it is empty.</summary>
    public string? Url { get; set; }

    /// <summary>The key the city's administrator issued for this hall.</summary>
    public string? HallKey { get; set; }

    [Range(1, 5000, ErrorMessage = "Uplink:BatchSize must be between 1 and 5000.")]
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the record is looked at for new events; with nothing new, a heartbeat goes every <see cref="HeartbeatInterval"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Uplink:PollInterval must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Uplink:HeartbeatInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after a first failed try; it doubles with each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Uplink:RetryDelay must be between 00:00:00.050 and 01:00:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00", ErrorMessage = "Uplink:MaxRetryDelay must be between 00:00:00.050 and 1.00:00:00.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Uplink:Timeout must be between 00:00:00.100 and 00:05:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    public Uri EventsUri() => new(new Uri(Url!.Trim().TrimEnd('/') + "/"), "api/uplink/events");

    /// <summary>The wait after the try numbered <paramref name="failuresBefore"/> + 1 failed: doubling, capped.</summary>
    public TimeSpan DelayAfter(int failuresBefore) => Storage.RetryBackoff.After(failuresBefore, RetryDelay, MaxRetryDelay);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }
        if (!Uri.TryCreate(Url!.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"Uplink:Url must be an absolute http(s) address of the city server, not '{Url}'.", [nameof(Url)]);
        }
        if (string.IsNullOrWhiteSpace(HallKey))
        {
            yield return new ValidationResult("Uplink:HallKey must be set with Uplink:Url: ask the city's administrator for this hall's key.", [nameof(HallKey)]);
        }
    }
}
