namespace Hall.QueueService.Security;

/// <summary>
/// The device a request's key belongs to, once <see cref="Authentication.DeviceKeyAuthenticationHandler"/> has checked
/// it: the <c>X-Device-Key</c> header, or for a hub connection (browsers cannot set headers on WebSockets) the
/// <c>access_token</c> query value.
/// </summary>
public static class DeviceAuthentication
{
    public const string KeyHeader = Hall.Contracts.Api.DeviceHeaders.Key;

    public static AuthenticatedDevice? DeviceOf(HttpContext http) => http.Features.Get<AuthenticatedDevice>();
}
