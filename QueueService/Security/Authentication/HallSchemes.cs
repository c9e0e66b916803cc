using Hall.Contracts.Api;
using System.Security.Claims;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Security.Authentication;

/// <summary>
/// The hall's authentication schemes and the claims they put on the <see cref="ClaimsPrincipal"/>: a device key, a
/// clerk's window token, a supervisor's token and the administrator's HTTP Basic.
/// </summary>
public static class HallSchemes
{
    public const string DeviceKey = "DeviceKey";
    public const string Clerk = "ClerkBearer";
    public const string Supervisor = "SupervisorBearer";
    public const string Administrator = "Administrator";

    public const string RoleDevice = "device";
    public const string RoleClerk = "clerk";
    public const string RoleSupervisor = "supervisor";
    public const string RoleAdministrator = "administrator";

    public const string DeviceIdClaim = "hall:device";
    public const string DeviceKindClaim = "hall:deviceKind";
    public const string StaffCodeClaim = "hall:staffCode";
    public const string WindowClaim = "hall:window";
    public const string SessionClaim = "hall:session";
    public const string PostClaim = "hall:post";

    public static ClaimsPrincipal Principal(string scheme, string role, params (string Type, string? Value)[] claims)
    {
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Role, role));
        foreach (var (type, value) in claims)
        {
            if (value is not null)
            {
                identity.AddClaim(new Claim(type, value));
            }
        }
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The clerk's window session the request was authenticated with, or null.</summary>
    public static ClerkSession? ClerkSessionOf(ClaimsPrincipal user) =>
        user.IsInRole(RoleClerk) && int.TryParse(user.FindFirstValue(WindowClaim), out var window)
            ? new ClerkSession(user.FindFirstValue(SessionClaim)!, window, user.FindFirstValue(StaffCodeClaim)!, user.FindFirstValue(PostClaim)!)
            : null;

    /// <summary>Who acted for supervision records: the supervisor's staff code, or "admin".</summary>
    public static string? ActingStaff(ClaimsPrincipal user) =>
        user.IsInRole(RoleAdministrator) ? "admin" : user.IsInRole(RoleSupervisor) ? user.FindFirstValue(StaffCodeClaim) : null;

    /// <summary>A bearer token from <c>Authorization</c>, or on a hub request the <c>access_token</c> query value (browsers cannot set headers on WebSockets).</summary>
    public static string? PresentedBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7)
        {
            return header[7..].Trim();
        }
        return request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } token ? token : null;
    }

    /// <summary>Device keys are <c>{deviceId}.{secret}</c>; window and supervisor tokens have no dot.</summary>
    public static bool IsDeviceKey(string token) => token.Contains('.', StringComparison.Ordinal);

    internal static DeviceKind? DeviceKindOf(ClaimsPrincipal user) =>
        Enum.TryParse<DeviceKind>(user.FindFirstValue(DeviceKindClaim), out var kind) ? kind : null;
}
