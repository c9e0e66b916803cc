using Hall.QueueService.Queue;

namespace Hall.QueueService.Security;

/// <summary>
/// Checks a device key wherever one is presented: the <c>X-Device-Key</c> header, or for a hub connection (browsers
/// cannot set headers on WebSockets) the <c>access_token</c> query value. A valid key marks the request with its
/// device (<see cref="AuthenticatedDevice"/>); an unknown or revoked key is 401 whatever the endpoint, so a revoked
/// device notices at once instead of carrying on as anonymous.
/// </summary>
public static class DeviceAuthentication
{
    public const string KeyHeader = Hall.Contracts.Api.DeviceHeaders.Key;

    public static IApplicationBuilder UseDeviceAuthentication(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var presented = PresentedKey(http);
        if (presented is not null)
        {
            var keys = http.RequestServices.GetRequiredService<DeviceKeyStore>();
            var device = await keys.VerifyAsync(presented, http.RequestAborted)
                ?? throw QueueRuleException.Unauthorized("invalidDeviceKey", "设备密钥无效或已被吊销，请联系管理员。The device key is unknown or has been revoked.");
            http.Features.Set(new AuthenticatedDevice(device));
        }
        await next(http);
    });

    public static AuthenticatedDevice? DeviceOf(HttpContext http) => http.Features.Get<AuthenticatedDevice>();

    private static string? PresentedKey(HttpContext http)
    {
        var header = http.Request.Headers[KeyHeader].ToString();
        if (header.Length > 0)
        {
            return header.Trim();
        }
        if (http.Request.Path.StartsWithSegments("/hubs") && http.Request.Query["access_token"].ToString() is { Length: > 0 } token && token.Contains('.', StringComparison.Ordinal))
        {
            return token;
        }
        return null;
    }
}
