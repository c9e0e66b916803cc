using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Ratings;
using Hall.QueueService.Security;
using Hall.QueueService.Security.RateLimiting;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>Windows, clerk login and the clerk's actions at a window (bearer token of that window's login).</summary>
public static class WindowsApi
{
    public static RouteGroupBuilder MapWindowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/windows").WithTags("Windows");
        group.MapGet("/", GetAllAsync).WithSummary("Every window and its live state");
        group.MapGet("/{number:int}", GetOneAsync).Refuses(ProblemKind.NotFound);
        group.MapPost("/{number:int}/login", LoginAsync).WithSummary("Clerk login: staff number (工号) and PIN")
            .RequireRateLimiting(HallRateLimiting.Logins).Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.TooMany);
        group.MapPost("/{number:int}/rate", RateAsync).WithSummary("A rating from the software evaluator at the window")
            .RequireDevice(DeviceKind.Evaluator).Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict);

        var clerk = group.MapGroup("/{number:int}").RequireAuthorization(HallPolicies.WindowClerk)
            .Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict);
        clerk.MapPost("/call-next", CallNextAsync).WithSummary("Call the next ticket (叫号); 204 when nobody waits");
        clerk.MapPost("/call", (CallTicketRequest request, WindowDesk desk, HallQueries queries, HttpContext http) =>
            ActAsync(http, queries, s => desk.CallNumberAsync(s, request.Number, Actor(http), http.RequestAborted))).WithSummary("Call a given number");
        clerk.MapPost("/recall", (WindowDesk desk, HallQueries queries, HttpContext http) =>
            ActAsync(http, queries, s => desk.RecallAsync(s, Actor(http), http.RequestAborted))).WithSummary("Recall (重呼)");
        clerk.MapPost("/start", (WindowDesk desk, HallQueries queries, HttpContext http) =>
            ActAsync(http, queries, s => desk.StartAsync(s, Actor(http), http.RequestAborted))).WithSummary("Start serving");
        clerk.MapPost("/finish", (FinishRequest? request, WindowDesk desk, HallQueries queries, HttpContext http) =>
            ActAsync(http, queries, s => desk.FinishAsync(s, request, Actor(http), http.RequestAborted)))
            .WithSummary("Finish with the visit's outcome (办件结果; without a body 即办件) and invite a rating");
        clerk.MapPost("/no-show", (WindowDesk desk, HallQueries queries, HttpContext http) =>
            ActAsync(http, queries, s => desk.NoShowAsync(s, Actor(http), http.RequestAborted))).WithSummary("No-show (过号)");
        clerk.MapPost("/transfer", (TransferRequest request, WindowDesk desk, HallQueries queries, HttpContext http) =>
            ActAsync(http, queries, s => desk.TransferAsync(s, request, Actor(http), http.RequestAborted))).WithSummary("Transfer to a service or window, keeping the place");
        clerk.MapPost("/hold", (WindowDesk desk, HallQueries queries, HttpContext http) =>
            ActAsync(http, queries, s => desk.HoldAsync(s, Actor(http), http.RequestAborted))).WithSummary("Hold (挂起)");
        clerk.MapPost("/call-back", (WindowDesk desk, HallQueries queries, HttpContext http) =>
            ActAsync(http, queries, s => desk.CallBackAsync(s, Actor(http), http.RequestAborted))).WithSummary("Call back the held ticket");
        clerk.MapPost("/pause", PauseAsync).WithSummary("Pause with a reason (暂停)");
        clerk.MapPost("/resume", (WindowDesk desk, HallQueries queries, HttpContext http) =>
            WindowOnlyAsync(http, queries, s => desk.ResumeAsync(s, Actor(http), http.RequestAborted))).WithSummary("Resume");
        clerk.MapPost("/help", HelpAsync).WithSummary("求助: calls the duty supervisor to the window (an alert of kind helpCall at once)");
        clerk.MapPost("/pin", ChangePinAsync).WithSummary("The clerk changes their own PIN; every login of the clerk ends (log in again with the new PIN)");
        clerk.MapPost("/logout", (ClerkSessions sessions, HallQueries queries, HttpContext http) =>
            WindowOnlyAsync(http, queries, async s => { await sessions.LogoutAsync(s, Actor(http), http.RequestAborted); return true; })).WithSummary("Log out");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<WindowInfo>>> GetAllAsync(HallQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetWindowsAsync(cancellationToken));

    public static async Task<Ok<WindowInfo>> GetOneAsync(int number, HallQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetWindowAsync(number, cancellationToken)
            ?? throw QueueProblems.UnknownWindow(number));

    public static async Task<Ok<LoginResponse>> LoginAsync(int number, LoginRequest request, ClerkSessions sessions, LoginThrottle throttle, HttpContext http)
    {
        // Wrong PINs count per staff code on every instance; the last one allowed locks that clerk for a while.
        FieldLimits.Check(request.StaffCode, "staffCode", FieldLimits.StaffCode);
        FieldLimits.Check(request.Pin, "pin", FieldLimits.Pin);
        var subject = "clerk:" + (request.StaffCode?.Trim() ?? "");
        await throttle.CountAttemptAsync(subject, http.RequestAborted);
        LoginResponse login;
        try
        {
            login = await sessions.LoginAsync(number, request, Actor(http), http.RequestAborted);
        }
        catch (QueueRuleException e) when (e.Kind == ProblemKind.Unauthenticated && !string.IsNullOrWhiteSpace(request.StaffCode))
        {
            await throttle.FailedAsync(subject, http.RequestAborted);
            throw;
        }
        await throttle.SucceededAsync(subject, http.RequestAborted);
        return TypedResults.Ok(login);
    }

    public static async Task<NoContent> ChangePinAsync(ChangePinRequest request, HallEditor editor, HallCatalogHolder hall, LoginThrottle throttle, HttpContext http)
    {
        var session = SessionOf(http);
        var subject = "clerk:" + session.StaffCode;
        await throttle.EnsureNotLockedAsync(subject, http.RequestAborted);
        if (hall.Current.FindClerk(session.StaffCode)?.PinHash is not { } hash || string.IsNullOrEmpty(request.CurrentPin) || !PinHasher.Verify(request.CurrentPin, hash))
        {
            await throttle.FailedAsync(subject, http.RequestAborted);
            throw QueueProblems.WrongCredentials();
        }
        if (PinPolicy.Problem(session.StaffCode, request.NewPin, ProductionMode.IsOn(http.RequestServices)) is { } problem)
        {
            throw QueueProblems.InvalidHall(["newPin: " + problem]);
        }
        if (request.NewPin == request.CurrentPin)
        {
            throw QueueProblems.InvalidHall(["newPin: 新密码不能与当前密码相同。The new PIN must differ from the current one."]);
        }
        await editor.ChangeAsync(d => d with
        {
            Clerks = d.Clerks.Select(c => c.StaffCode == session.StaffCode ? c with { Pin = request.NewPin, PinHash = null, MustChangePin = false } : c).ToList(),
        }, $"clerk {session.StaffCode} changed their PIN", "clerk:" + session.StaffCode, http.RequestAborted);
        await throttle.SucceededAsync(subject, http.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<WindowActionResult>, ProblemHttpResult>> RateAsync(int number, RateRequest request, RatingRecorder ratings, HallQueries queries, HttpContext http)
    {
        var outcome = await ratings.RateAtWindowAsync(number, request.Level, request.Reasons, RatingChannels.Tablet, RequestActor.From(http, "evaluator-page"), http.RequestAborted);
        return outcome.Ticket is { } ticket
            ? TypedResults.Ok(new WindowActionResult(ticket, (await queries.GetWindowAsync(number, http.RequestAborted))!))
            : HallProblemResults.Result(outcome.Refusal!);
    }

    public static async Task<Results<Ok<WindowActionResult>, NoContent>> CallNextAsync(WindowDesk desk, HallQueries queries, HttpContext http)
    {
        var session = SessionOf(http);
        var ticket = await desk.CallNextAsync(session, Actor(http), http.RequestAborted);
        return ticket is null
            ? TypedResults.NoContent()
            : TypedResults.Ok(new WindowActionResult(ticket, (await queries.GetWindowAsync(session.WindowNumber, http.RequestAborted))!));
    }

    public static async Task<Accepted> HelpAsync(HelpCalls helpCalls, HttpContext http)
    {
        var session = SessionOf(http);
        await helpCalls.RaiseAsync(session.WindowNumber, session.StaffCode, "窗口 console", http.RequestAborted);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Ok<WindowActionResult>> PauseAsync(PauseRequest? request, WindowDesk desk, HallQueries queries,
        Supervision.PauseApprovals.PauseApprovalDesk approvals, HttpContext http)
    {
        var result = await WindowOnlyAsync(http, queries, s => desk.PauseAsync(s, request?.Reason, Actor(http), http.RequestAborted));
        // 现场勘察 and the like: the supervisors are asked at once, once the pause is written.
        await approvals.RequestIfNeededAsync(result.Value!.Window.Number, http.RequestAborted);
        return result;
    }

    private static async Task<Ok<WindowActionResult>> ActAsync(HttpContext http, HallQueries queries, Func<ClerkSession, Task<TicketView>> action)
    {
        var session = SessionOf(http);
        var ticket = await action(session);
        return TypedResults.Ok(new WindowActionResult(ticket, (await queries.GetWindowAsync(session.WindowNumber, http.RequestAborted))!));
    }

    private static async Task<Ok<WindowActionResult>> WindowOnlyAsync(HttpContext http, HallQueries queries, Func<ClerkSession, Task<bool>> action)
    {
        var session = SessionOf(http);
        await action(session);
        return TypedResults.Ok(new WindowActionResult(null, (await queries.GetWindowAsync(session.WindowNumber, http.RequestAborted))!));
    }

    private static Actor Actor(HttpContext http) => RequestActor.From(http, "console");

    private static ClerkSession SessionOf(HttpContext http) =>
        HallSchemes.ClerkSessionOf(http.User) ?? throw new InvalidOperationException("The window clerk policy did not run for this endpoint.");
}
