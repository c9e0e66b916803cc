using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Hall.QueueService.Security.RateLimiting;

/// <summary>
/// Settings under <c>RateLimits:</c>: what one client address may do on the anonymous endpoints, and the ceiling that
/// keeps the single writer from drowning. The defaults are the contract's (10 remote tickets and 10 bookings an hour).
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    /// <summary><c>POST /api/remote-tickets</c> per client address in any hour.</summary>
    public int RemoteTicketsPerHour { get; set; } = 10;

    /// <summary><c>POST /api/appointments</c> (bookings) per client address in any hour.</summary>
    public int AppointmentsPerHour { get; set; } = 10;

    /// <summary>Web complaints per client address in any hour (the policy waits for the complaints endpoint).</summary>
    public int ComplaintsPerHour { get; set; } = 10;

    /// <summary>Logins (clerks, supervisors, the green channel's PIN) per client address in any minute: slows PIN spraying across staff codes.</summary>
    public int LoginsPerMinute { get; set; } = 30;

    /// <summary>
    /// Green-channel PIN tries (<c>POST /api/tickets</c> with <c>priority: green</c>) per client address in any hour,
    /// right or wrong: one kiosk cannot try PINs across many staff codes.
    /// </summary>
    public int GreenChannelTriesPerHour { get; set; } = 20;

    /// <summary>Hub negotiations per client address in any minute.</summary>
    public int HubNegotiationsPerMinute { get; set; } = 60;

    /// <summary>Other anonymous changes (cancelling a booking, device reports without a key) per client address in any minute.</summary>
    public int AnonymousWritesPerMinute { get; set; } = 60;

    /// <summary>Anonymous reads that reach the database (the boards' notices) per client address in any minute.</summary>
    public int AnonymousReadsPerMinute { get; set; } = 120;

    /// <summary>Writing requests served at once on this instance; more wait in a queue of <see cref="WriterQueue"/>.</summary>
    public int WriterConcurrency { get; set; } = 64;

    /// <summary>Writing requests that may wait; beyond it the answer is 429 at once.</summary>
    public int WriterQueue { get; set; } = 2000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(RemoteTicketsPerHour), RemoteTicketsPerHour), (nameof(AppointmentsPerHour), AppointmentsPerHour),
                     (nameof(ComplaintsPerHour), ComplaintsPerHour), (nameof(LoginsPerMinute), LoginsPerMinute),
                     (nameof(GreenChannelTriesPerHour), GreenChannelTriesPerHour),
                     (nameof(HubNegotiationsPerMinute), HubNegotiationsPerMinute), (nameof(AnonymousWritesPerMinute), AnonymousWritesPerMinute),
                     (nameof(AnonymousReadsPerMinute), AnonymousReadsPerMinute),
                     (nameof(WriterConcurrency), WriterConcurrency),
                 })
        {
            if (value < 1)
            {
                yield return new ValidationResult($"{Section}:{name} must be at least 1.", [name]);
            }
        }
        if (WriterQueue < 0)
        {
            yield return new ValidationResult($"{Section}:{nameof(WriterQueue)} must not be negative.", [nameof(WriterQueue)]);
        }
    }
}

/// <summary>
/// Settings under <c>Network:</c>. <c>KnownProxies</c> lists the addresses (the city's reverse proxy) whose
/// <c>X-Forwarded-For</c> is believed; from anyone else the header is ignored, so a client cannot pick its own address.
/// </summary>
public sealed class NetworkOptions : IValidatableObject
{
    public const string Section = "Network";

    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Origins besides the server's own host that may call the administration API (e.g. <c>https://hall.example.gov.cn</c>).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"{Section}:KnownProxies holds '{proxy}', which is not an IP address.", [nameof(KnownProxies)]);
        }
    }
}
