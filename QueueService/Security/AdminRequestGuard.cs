using Hall.QueueService.Api;
using Hall.QueueService.Security.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Hall.QueueService.Security;

/// <summary>
/// Cross-site protection for <c>/api/admin/…</c>: a body must be <c>application/json</c> (415 otherwise: an HTML form
/// on another site can only send form or text bodies without a preflight), and a request whose <c>Origin</c> (or
/// <c>Sec-Fetch-Site: cross-site</c>) names another site is 403. Both refuse before the handler runs, so nothing changes.
/// Origins other than the server's own host can be allowed with <c>Network:AllowedOrigins</c> (e.g. the city proxy's name).
/// </summary>
public sealed class AdminRequestGuard(IOptions<NetworkOptions> network) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (IsForeign(request))
        {
            return HallProblemResults.Result(QueueProblems.ForeignOrigin().Problem);
        }
        if (HasBody(request) && !IsJson(request.ContentType))
        {
            return HallProblemResults.Result(QueueProblems.JsonOnly(Shorten(request.ContentType)).Problem);
        }
        return await next(context);
    }

    private bool IsForeign(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() == "cross-site")
        {
            return true;
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return true; // "null" (sandboxed frames, file pages) and anything unreadable.
        }
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        return !string.Equals(host, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && !network.Value.AllowedOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.ContentType is not null || request.Headers.TransferEncoding.Count > 0;

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 60 ? value : value[..60] + "…";
}
