using Hall.Contracts.Api;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>Supervisor login for the supervision pages (<c>/api/supervision/…</c>).</summary>
public static class SupervisorApi
{
    public static RouteGroupBuilder MapSupervisorApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/supervision").WithTags("Supervision");
        group.MapPost("/login", LoginAsync).WithSummary("Supervisor login: staff number (工号) and PIN; answers a bearer token")
            .RequireRateLimiting(Hall.QueueService.Security.RateLimiting.HallRateLimiting.Logins)
            .Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.TooMany);
        group.MapPost("/logout", LogoutAsync).WithSummary("End the supervisor's session");
        return group;
    }

    public static async Task<Ok<SupervisorLogin>> LoginAsync(LoginRequest request, SupervisorSessions sessions, LoginThrottle throttle, HttpContext http)
    {
        // The same lock-out subject as the window login: a PIN cannot be guessed twice as fast by trying both.
        var subject = "clerk:" + (request.StaffCode?.Trim() ?? "");
        await throttle.CountAttemptAsync(subject, http.RequestAborted);
        SupervisorLogin login;
        try
        {
            login = await sessions.LoginAsync(request, http.RequestAborted);
        }
        catch (QueueRuleException e) when (e.Kind == ProblemKind.Unauthenticated && !string.IsNullOrWhiteSpace(request.StaffCode))
        {
            await throttle.FailedAsync(subject, http.RequestAborted);
            throw;
        }
        await throttle.SucceededAsync(subject, http.RequestAborted);
        return TypedResults.Ok(login);
    }

    public static async Task<NoContent> LogoutAsync(SupervisorSessions sessions, HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && await sessions.AuthenticateAsync(header[7..].Trim(), http.RequestAborted) is { } session)
        {
            await sessions.LogoutAsync(session, http.RequestAborted);
        }
        return TypedResults.NoContent();
    }
}
