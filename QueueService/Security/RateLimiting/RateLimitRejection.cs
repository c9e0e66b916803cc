using System.Threading.RateLimiting;
using Hall.QueueService.Api;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.RateLimiting;

namespace Hall.QueueService.Security.RateLimiting;

/// <summary>
/// The answer to a refused request: 429, <c>Retry-After</c>, and a problem detail in Chinese and English with a stable
/// <c>code</c>. Nothing was taken: the limiter refuses before the endpoint runs.
/// </summary>
public static partial class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var refusal = Describe(http, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out _) ? policy : null, seconds);
        if (http.RequestServices.GetRequiredService<LimitCounters>().Hit("rateLimit:" + (policy ?? "writer")))
        {
            Log(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitRejection)),
                policy ?? "writer", HallRateLimiting.ClientAddress(http), http.Request.Path);
        }

        await HallProblemResults.WriteAsync(http, refusal.Problem);
    }

    private static QueueRuleException Describe(HttpContext http, string? policy, int seconds) => policy switch
    {
        HallRateLimiting.Issuing => QueueProblems.IssuingTooFast(DeviceAuthentication.DeviceOf(http)?.Device.Id, seconds),
        HallRateLimiting.RemoteTickets => QueueProblems.TooManyRemoteTickets(seconds),
        HallRateLimiting.Appointments => QueueProblems.TooManyBookings(seconds),
        HallRateLimiting.Logins => QueueProblems.TooManyLogins(seconds),
        HallRateLimiting.Complaints => QueueProblems.TooManyComplaints(seconds),
        null => QueueProblems.ServerBusy(seconds),
        _ => QueueProblems.TooManyRequests(seconds),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit {Policy} refused {Address} on {Path} (logged on the first refusal and every thousandth)")]
    private static partial void Log(ILogger logger, string policy, string address, string path);
}
