using System.Globalization;
using Hall.QueueService.HallSetup;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Security;

/// <summary>Answers 429 (with <c>Retry-After</c>) when a kiosk issues faster than its allowance; see <see cref="IssueRateLimiter"/>.</summary>
public sealed class IssueRateLimitFilter(IssueRateLimiter limiter, HallCatalogHolder hall) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (DeviceAuthentication.DeviceOf(http)?.Device is { } device
            && !limiter.TryTake(device, hall.Current.Definition.Security.IssuesPerMinute, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            // Answered here, not thrown: the exception handler would drop the Retry-After header.
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TooFast(seconds, device.Id);
        }
        return await next(context);
    }

    private static ProblemHttpResult TooFast(int seconds, string deviceId) =>
        TypedResults.Problem(
            $"本机取号过于频繁，请 {seconds} 秒后再试。Kiosk '{deviceId}' is issuing too fast; try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "取号过于频繁 Too many tickets",
            extensions: new Dictionary<string, object?> { ["code"] = "issuingTooFast", ["retryAfterSeconds"] = seconds });
}
