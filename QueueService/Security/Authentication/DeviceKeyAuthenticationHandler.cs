using System.Globalization;
using System.Text.Encodings.Web;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Security.Authentication;

/// <summary>
/// The device key in <c>X-Device-Key</c> (or, on a hub connection, <c>access_token</c>): checked against the database
/// on every use, so a revocation holds at once on every instance. The default scheme, so every request is looked at:
/// an unknown or revoked key is 401 whatever the endpoint (<see cref="DeviceKeyRefusal"/>), and a valid one marks the
/// request with its device (<see cref="AuthenticatedDevice"/>).
/// </summary>
public sealed class DeviceKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DeviceKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }
        var device = await keys.VerifyAsync(presented, Context.RequestAborted);
        if (device is null)
        {
            AuthenticationFailures.Record(Context, AuthenticationFailures.DeviceKey);
            return AuthenticateResult.Fail("The device key is unknown or has been revoked.");
        }
        Context.Features.Set(new AuthenticatedDevice(device));
        var principal = HallSchemes.Principal(Scheme.Name, HallSchemes.RoleDevice,
            (HallSchemes.DeviceIdClaim, device.Id), (HallSchemes.DeviceKindClaim, device.Kind.ToString()),
            (HallSchemes.WindowClaim, device.WindowNumber?.ToString(CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[DeviceAuthentication.KeyHeader].ToString();
        if (header.Length > 0)
        {
            return header.Trim();
        }
        return request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } token && HallSchemes.IsDeviceKey(token)
            ? token
            : null;
    }
}

/// <summary>Refuses a request that presented a wrong or revoked device key, so the device notices at once instead of carrying on as anonymous.</summary>
public static class DeviceKeyRefusal
{
    public static IApplicationBuilder UseDeviceKeyRefusal(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (AuthenticationFailures.Has(http, AuthenticationFailures.DeviceKey))
        {
            throw QueueProblems.InvalidDeviceKey();
        }
        await next(http);
    });
}
