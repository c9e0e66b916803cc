using Hall.QueueService.Queue;

namespace Hall.QueueService.Api;

/// <summary>
/// Window actions need <c>Authorization: Bearer TOKEN</c> from that window's login: no or unknown token is 401,
/// a clerk of another window is 403.
/// </summary>
public sealed class WindowClerkFilter(ClerkSessions sessions) : IEndpointFilter
{
    private const string SessionKey = "hall.clerkSession";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            throw QueueRuleException.Unauthorized("tokenRequired", "请先登录窗口（缺少 Authorization: Bearer 令牌）。Log in to the window first.");
        }
        var session = await sessions.AuthenticateAsync(header[7..].Trim(), http.RequestAborted)
            ?? throw QueueRuleException.Unauthorized("invalidToken", "登录已失效，请重新登录。The token is not valid; log in again.");
        if (http.Request.RouteValues.TryGetValue("number", out var raw) && int.TryParse(raw?.ToString(), out var number) && number != session.WindowNumber)
        {
            throw QueueRuleException.Forbidden("otherWindow", $"您登录的是 {session.WindowNumber} 号窗口，不能操作 {number} 号窗口。You are logged in at window {session.WindowNumber}.");
        }
        http.Items[SessionKey] = session;
        return await next(context);
    }

    public static ClerkSession SessionOf(HttpContext http) =>
        http.Items[SessionKey] as ClerkSession ?? throw new InvalidOperationException("WindowClerkFilter did not run for this endpoint.");
}
