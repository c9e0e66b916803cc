using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Security.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter for the hall: one named policy per kind of anonymous endpoint (partitioned by client
/// address, after the forwarded-headers middleware has believed only the configured proxies), the kiosk's issuing
/// allowance (partitioned by device key), and a global ceiling on writing requests. Refusals are answered by
/// <see cref="RateLimitRejection"/>.
/// </summary>
public static class HallRateLimiting
{
    public const string RemoteTickets = "remote-tickets";
    public const string Appointments = "appointments";
    public const string Complaints = "web-complaints";
    public const string Logins = "logins";
    public const string HubNegotiate = "hub-negotiate";
    public const string AnonymousWrites = "anonymous-writes";
    public const string AnonymousReads = "anonymous-reads";
    public const string Issuing = "issuing";

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddHallRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((o, network) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named in the settings; not even loopback by default.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in network.Value.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimitRejection.WriteAsync;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(WriterCeiling);
            o.AddPolicy(RemoteTickets, http => PerAddress(http, RemoteTickets, l => l.RemoteTicketsPerHour, Hour));
            o.AddPolicy(Appointments, http => PerAddress(http, Appointments, l => l.AppointmentsPerHour, Hour));
            // Only citizens' web complaints count: a supervisor entering phone, letter and on-site complaints at the desk
            // is not limited. A request with credentials is checked as a supervisor's by the endpoint and refused otherwise,
            // so made-up credentials record nothing (and the writer ceiling still holds them).
            o.AddPolicy(Complaints, http => http.Request.Headers.Authorization.Count > 0
                ? RateLimitPartition.GetNoLimiter("")
                : PerAddress(http, Complaints, l => l.ComplaintsPerHour, Hour));
            o.AddPolicy(Logins, http => PerAddress(http, Logins, l => l.LoginsPerMinute, Minute));
            o.AddPolicy(AnonymousWrites, http => PerAddress(http, AnonymousWrites, l => l.AnonymousWritesPerMinute, Minute));
            o.AddPolicy(AnonymousReads, http => PerAddress(http, AnonymousReads, l => l.AnonymousReadsPerMinute, Minute));
            // Only the negotiation is counted: a long-polling client's later requests are one connection's traffic.
            o.AddPolicy(HubNegotiate, http => http.Request.Path.Value?.EndsWith("/negotiate", StringComparison.Ordinal) == true
                ? PerAddress(http, HubNegotiate, l => l.HubNegotiationsPerMinute, Minute)
                : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(Issuing, PerDevice);
        });
        return services;
    }

    /// <summary>
    /// After device authentication (the issuing allowance is per device): the body-size limit, then the limiter.
    /// The forwarded-headers middleware runs first of all, so both see the citizen's address behind the city proxy.
    /// </summary>
    /// <summary>
    /// X-Forwarded-For is believed only from the configured proxies. With none configured the middleware is left out:
    /// given empty proxy lists it would trust every sender, so a LAN caller could pose as loopback.
    /// </summary>
    public static IApplicationBuilder UseHallForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<NetworkOptions>>().Value.KnownProxies.Count == 0
            ? app
            : app.UseForwardedHeaders();

    public static IApplicationBuilder UseAbuseControls(this IApplicationBuilder app) => app.UseRequestBodyLimit().UseRateLimiter();

    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerAddress(HttpContext http, string policy, Func<RateLimitOptions, int> limit, TimeSpan period)
    {
        var permits = limit(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get($"{policy}|{permits}|{ClientAddress(http)}", _ => new SlidingLogLimiter(permits, period, time));
    }

    /// <summary>
    /// Tickets per minute per kiosk: a token bucket per device, as large as the minute's allowance, so a stuck key or a
    /// script on a stolen kiosk key cannot empty a service's daily quota. Kept in this instance's memory: behind a load
    /// balancer a kiosk sticks to one instance, and the limit is a brake, not an account. Requests without a device key
    /// (allowed only when keys are optional) are limited per address by the writer ceiling only.
    /// </summary>
    private static RateLimitPartition<string> PerDevice(HttpContext http)
    {
        if (DeviceAuthentication.DeviceOf(http)?.Device is not { } device)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var hallDefault = http.RequestServices.GetRequiredService<HallSetup.HallCatalogHolder>().Current.Definition.Security.IssuesPerMinute;
        var perMinute = device.IssuesPerMinute ?? hallDefault;
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get($"{device.Id}|{perMinute}", _ => new ClockTokenBucketLimiter(perMinute, Minute, time));
    }

    private static RateLimitPartition<string> WriterCeiling(HttpContext http)
    {
        var writes = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method);
        // Hub and bus-gateway traffic holds connections open; it is bounded where it is served, not here.
        if (!writes || !http.Request.Path.StartsWithSegments("/api") || http.WebSockets.IsWebSocketRequest)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return RateLimitPartition.GetConcurrencyLimiter($"writer|{limits.WriterConcurrency}|{limits.WriterQueue}", _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.WriterConcurrency,
            QueueLimit = limits.WriterQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }
}
