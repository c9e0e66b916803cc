using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Security.Authentication;

/// <summary>
/// The administrator: a session token of the administration page (<c>Authorization: Bearer</c>, see
/// <see cref="AdminSessions"/>), or HTTP Basic from scripts (<c>Admin:User</c> and the password of
/// <c>Admin:PasswordHash</c>), with the lock-out per client address (429 while locked).
/// </summary>
public sealed class AdministratorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminSessions sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (HallSchemes.PresentedBearer(Request) is { } token && !HallSchemes.IsDeviceKey(token))
        {
            return await FromSessionAsync(token);
        }
        if (!AdministratorCredentials.TryRead(Request, out var user, out var password))
        {
            return AuthenticateResult.NoResult();
        }
        if (!await AdministratorCredentials.CheckAsync(Context, user, password))
        {
            AuthenticationFailures.Record(Context, AuthenticationFailures.Admin);
            return AuthenticateResult.Fail("Wrong administrator user name or password.");
        }
        return Success(user);
    }

    private async Task<AuthenticateResult> FromSessionAsync(string token)
    {
        if (await sessions.AuthenticateAsync(token, Context.RequestAborted) is not { } session)
        {
            // A supervisor's token is no administrator's; the supervisor scheme decides it where both are allowed.
            AuthenticationFailures.Record(Context, AuthenticationFailures.Token);
            return AuthenticateResult.Fail("The administrator token is not valid.");
        }
        return Success(session.User, session.Id);
    }

    private AuthenticateResult Success(string user, string? sessionId = null)
    {
        var principal = HallSchemes.Principal(Scheme.Name, HallSchemes.RoleAdministrator, (ClaimTypes.Name, user), (HallSchemes.SessionClaim, sessionId));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
