using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Security.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>
/// The administration page's login (<c>/api/admin/session</c>): user name and password in a JSON body answer a bearer
/// token the page keeps for the tab's life. Same JSON-only and same-site rules as the rest of <c>/api/admin</c>.
/// </summary>
public static class AdminSessionApi
{
    public static IEndpointRouteBuilder MapAdminSessionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/session").WithTags("Administration").AddEndpointFilter<AdminRequestGuard>();
        group.MapPost("", LogInAsync).AllowAnonymous().RequireRateLimiting(HallRateLimiting.Logins)
            .WithSummary("Administrator login for the administration page; answers a bearer token")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapDelete("", LogOutAsync).RequireAuthorization(HallPolicies.Administrator)
            .WithSummary("Ends the administration page's session (a script's HTTP Basic has none to end)");
        return app;
    }

    public static async Task<Ok<AdminLogin>> LogInAsync(AdminLoginRequest request, AdminSessions sessions, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.User) || string.IsNullOrEmpty(request.Password))
        {
            throw QueueProblems.CredentialsRequired();
        }
        FieldLimits.Check(request.User, "user", FieldLimits.StaffCode);
        FieldLimits.Check(request.Password, "password", FieldLimits.Password);
        var user = request.User.Trim();
        if (!await AdministratorCredentials.LogInAsync(http, user, request.Password))
        {
            throw QueueProblems.AdminInvalid();
        }
        return TypedResults.Ok(await sessions.StartAsync(user, http.RequestAborted));
    }

    public static async Task<NoContent> LogOutAsync(AdminSessions sessions, HttpContext http)
    {
        if (http.User.FindFirst(HallSchemes.SessionClaim)?.Value is { } session)
        {
            await sessions.EndAsync(session, http.User.Identity?.Name ?? "admin", http.RequestAborted);
        }
        return TypedResults.NoContent();
    }
}
