using System.Text.Encodings.Web;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Uplink;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.City;

/// <summary>
/// A hall's uplink key in <c>X-Hall-Key</c> (<c>{hallId}.{secret}</c>), on a city server: checked against
/// <c>city_halls</c> on every batch, so a revocation holds from the next one.
/// </summary>
public sealed class UplinkHallKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CityHallsTable halls) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "UplinkHallKey";
    public const string Role = "hall";
    public const string HallIdClaim = "hall:uplinkHall";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[UplinkSender.KeyHeader].ToString().Trim();
        if (presented.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        var hallId = await halls.VerifyKeyAsync(presented, Context.RequestAborted);
        if (hallId is null)
        {
            AuthenticationFailures.Record(Context, AuthenticationFailures.HallKey);
            return AuthenticateResult.Fail("The hall key is unknown or has been revoked.");
        }
        var principal = HallSchemes.Principal(SchemeName, Role, (HallIdClaim, hallId));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
