using System.Globalization;
using System.Text.Encodings.Web;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Security.Authentication;

/// <summary>
/// A clerk's window token (<c>Authorization: Bearer</c>). Checked against the database on every use: it ends at
/// logout, on a PIN change, when the clerk leaves the window or the hall, and after <c>Security:ClerkTokenHours</c>.
/// </summary>
public sealed class ClerkAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ClerkSessions sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (HallSchemes.PresentedBearer(Request) is not { } token || HallSchemes.IsDeviceKey(token))
        {
            return AuthenticateResult.NoResult();
        }
        if (await sessions.AuthenticateAsync(token, Context.RequestAborted) is not { } session)
        {
            AuthenticationFailures.Record(Context, AuthenticationFailures.Token);
            return AuthenticateResult.Fail("The window token is not valid.");
        }
        var principal = HallSchemes.Principal(Scheme.Name, HallSchemes.RoleClerk,
            (HallSchemes.StaffCodeClaim, session.StaffCode), (HallSchemes.WindowClaim, session.WindowNumber.ToString(CultureInfo.InvariantCulture)),
            (HallSchemes.SessionClaim, session.Id), (HallSchemes.PostClaim, session.Post));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}

/// <summary>A supervisor's token (<c>Authorization: Bearer</c>, or <c>access_token</c> on the hub), checked against the database on every use.</summary>
public sealed class SupervisorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SupervisorSessions sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (HallSchemes.PresentedBearer(Request) is not { } token || HallSchemes.IsDeviceKey(token))
        {
            return AuthenticateResult.NoResult();
        }
        if (await sessions.AuthenticateAsync(token, Context.RequestAborted) is not { } session)
        {
            AuthenticationFailures.Record(Context, AuthenticationFailures.Token);
            return AuthenticateResult.Fail("The supervisor token is not valid.");
        }
        var principal = HallSchemes.Principal(Scheme.Name, HallSchemes.RoleSupervisor,
            (HallSchemes.StaffCodeClaim, session.StaffCode), (HallSchemes.SessionClaim, session.Id), (System.Security.Claims.ClaimTypes.Name, session.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
