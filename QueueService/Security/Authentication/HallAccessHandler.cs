using Hall.Contracts.Api;
using System.Security.Claims;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.Authorization;

namespace Hall.QueueService.Security.Authentication;

/// <summary>
/// Decides a <see cref="HallAccessRequirement"/> from the request's principal (and, for the device policies, the
/// hall's key policy and the route's window number). A refusal is kept on the request for
/// <see cref="HallRefusalResultHandler"/>, which answers it as problem details with its stable code.
/// </summary>
public sealed class HallAccessHandler(HallCatalogHolder hall) : AuthorizationHandler<HallAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, HallAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }
        var refusal = Refusal(requirement.Access, context.User, http);
        if (refusal is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            HallRefusalResultHandler.Keep(http, refusal, basicChallenge: requirement.Access == HallAccess.Administrator);
            context.Fail(new AuthorizationFailureReason(this, refusal.Code));
        }
        return Task.CompletedTask;
    }

    private QueueRuleException? Refusal(HallAccess access, ClaimsPrincipal user, HttpContext http) => access switch
    {
        HallAccess.AnyDevice or HallAccess.Kiosk or HallAccess.Evaluator => DeviceRefusal(access, user, http),
        HallAccess.WindowClerk => HallSchemes.ClerkSessionOf(user) is { } session
            ? RouteWindow(http) is { } wanted && wanted != session.WindowNumber ? QueueProblems.OtherWindow(session.WindowNumber, wanted) : null
            : Failed(http, AuthenticationFailures.Token) ? QueueProblems.TokenInvalid() : QueueProblems.TokenRequired(),
        HallAccess.Administrator => user.IsInRole(HallSchemes.RoleAdministrator) ? null : StaffRefusal(http) ?? QueueProblems.AdminRequired(),
        HallAccess.Supervisor => user.IsInRole(HallSchemes.RoleAdministrator) || user.IsInRole(HallSchemes.RoleSupervisor) ? null
            : StaffRefusal(http) ?? QueueProblems.SupervisorRequired(),
        HallAccess.StatisticsReader => hall.Current.Definition.Security.Statistics == StatisticsAccess.Open
            || user.IsInRole(HallSchemes.RoleAdministrator) || user.IsInRole(HallSchemes.RoleSupervisor) || user.IsInRole(HallSchemes.RoleClerk) ? null
            : StaffRefusal(http) ?? QueueProblems.StaffRequired(),
        HallAccess.Staff => user.IsInRole(HallSchemes.RoleAdministrator) || user.IsInRole(HallSchemes.RoleSupervisor) || user.IsInRole(HallSchemes.RoleClerk) ? null
            : StaffRefusal(http) ?? QueueProblems.StaffRequired(),
        HallAccess.UplinkHall => user.IsInRole(City.UplinkHallKeyAuthenticationHandler.Role) ? null
            : Failed(http, AuthenticationFailures.HallKey) ? QueueProblems.HallKeyInvalid() : QueueProblems.HallKeyRequired(),
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };

    private QueueRuleException? DeviceRefusal(HallAccess access, ClaimsPrincipal user, HttpContext http)
    {
        if (!user.IsInRole(HallSchemes.RoleDevice) || user.FindFirstValue(HallSchemes.DeviceIdClaim) is not { } id)
        {
            return hall.Current.Definition.Security.DeviceKeys == DeviceKeyPolicy.Required ? QueueProblems.DeviceKeyRequired() : null;
        }
        var kind = HallSchemes.DeviceKindOf(user);
        var wantedKind = access switch { HallAccess.Kiosk => DeviceKind.Kiosk, HallAccess.Evaluator => DeviceKind.Evaluator, _ => (DeviceKind?)null };
        if (wantedKind is { } wanted && kind != wanted)
        {
            return QueueProblems.WrongDeviceKind(id, kind?.ToString() ?? "?");
        }
        var window = int.TryParse(user.FindFirstValue(HallSchemes.WindowClaim), out var n) ? n : (int?)null;
        return kind == DeviceKind.Evaluator && RouteWindow(http) is { } route && route != window ? QueueProblems.OtherWindow(window, route) : null;
    }

    /// <summary>A wrong administrator password or an invalid bearer token says so, rather than "log in first".</summary>
    private static QueueRuleException? StaffRefusal(HttpContext http) =>
        Failed(http, AuthenticationFailures.Admin) ? QueueProblems.AdminInvalid() : Failed(http, AuthenticationFailures.Token) ? QueueProblems.TokenInvalid() : null;

    private static bool Failed(HttpContext http, string code) => AuthenticationFailures.Has(http, code);

    private static int? RouteWindow(HttpContext http) =>
        http.Request.RouteValues.TryGetValue("number", out var raw) && int.TryParse(raw?.ToString(), out var number) ? number : null;
}
