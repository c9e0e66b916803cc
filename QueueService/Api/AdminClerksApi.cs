using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;

namespace Hall.QueueService.Api;

/// <summary>
/// <c>/api/admin/clerks</c>: the hall's staff (工作人员), one at a time, never with their PINs. A plain <c>pin</c> is
/// stored as a salted hash; a change without one keeps the PIN; <c>POST …/{staffCode}/pin</c> sets a new one.
/// </summary>
public static class AdminClerksApi
{
    public static RouteGroupBuilder MapAdminClerksApi(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/clerks").Refuses(ProblemKind.NotFound, ProblemKind.Conflict);
        group.MapGet("/", List).WithSummary("Every clerk, without PINs");
        group.MapGet("/{staffCode}", Get).WithSummary("One clerk, without the PIN");
        group.MapPost("/", AddAsync).WithSummary("Adds a clerk; a pin is required");
        group.MapPut("/{staffCode}", ReplaceAsync).WithSummary("Replaces a clerk's name, unit and posts; without a pin the PIN stays");
        group.MapDelete("/{staffCode}", DeleteAsync).WithSummary("Deletes a clerk (409 while logged in)");
        group.MapPost("/{staffCode}/pin", SetPinAsync).WithSummary("Sets a new PIN; the clerk must change it at the next login and is logged out now");
        return group;
    }

    public static IResult List(HallCatalogHolder hall) => AdminRequest.Json(hall.Current.Definition.Clerks.Select(WithoutPin).ToList());

    public static IResult Get(string staffCode, HallCatalogHolder hall) =>
        AdminRequest.Json(WithoutPin(hall.Current.FindClerk(staffCode) ?? throw Unknown(staffCode)));

    public static async Task<IResult> AddAsync(HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        var clerk = await AdminRequest.ReadAsync<ClerkDefinition>(http.Request, "clerk", cancellationToken);
        var hall = await editor.ChangeAsync(d =>
        {
            if (d.Clerks.Any(c => c.StaffCode == clerk.StaffCode))
            {
                throw QueueProblems.ClerkExists(clerk.StaffCode);
            }
            return d with { Clerks = [.. d.Clerks, clerk] };
        }, $"clerk {clerk.StaffCode} added", AdminRequest.Administrator(http), cancellationToken);
        http.Response.Headers.Location = $"/api/admin/clerks/{Uri.EscapeDataString(clerk.StaffCode)}";
        return AdminRequest.Json(WithoutPin(hall.Clerks.Single(c => c.StaffCode == clerk.StaffCode)), StatusCodes.Status201Created);
    }

    public static async Task<IResult> ReplaceAsync(string staffCode, HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        var clerk = await AdminRequest.ReadAsync<ClerkDefinition>(http.Request, "clerk", cancellationToken);
        if (clerk.StaffCode.Length > 0 && clerk.StaffCode != staffCode)
        {
            throw QueueProblems.StaffCodeMismatch(clerk.StaffCode, staffCode);
        }
        var hall = await editor.ChangeAsync(d =>
        {
            var clerks = d.Clerks.ToList();
            clerks[IndexOf(d, staffCode)] = clerk with { StaffCode = staffCode };
            return d with { Clerks = clerks };
        }, $"clerk {staffCode} changed", AdminRequest.Administrator(http), cancellationToken);
        return AdminRequest.Json(WithoutPin(hall.Clerks.Single(c => c.StaffCode == staffCode)));
    }

    public static async Task<IResult> DeleteAsync(string staffCode, HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        await editor.ChangeAsync(d =>
        {
            _ = IndexOf(d, staffCode);
            return d with { Clerks = d.Clerks.Where(c => c.StaffCode != staffCode).ToList() };
        }, $"clerk {staffCode} deleted", AdminRequest.Administrator(http), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> SetPinAsync(string staffCode, HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        var request = await AdminRequest.ReadAsync<NewPin>(http.Request, "pin", cancellationToken);
        if (PinPolicy.Problem(staffCode, request.Pin, ProductionMode.IsOn(http.RequestServices)) is { } problem)
        {
            throw QueueProblems.InvalidHall(["pin: " + problem]);
        }
        await editor.ChangeAsync(d =>
        {
            var clerks = d.Clerks.ToList();
            var index = IndexOf(d, staffCode);
            clerks[index] = clerks[index] with { Pin = request.Pin, PinHash = null, MustChangePin = true };
            return d with { Clerks = clerks };
        }, $"clerk {staffCode} PIN set", AdminRequest.Administrator(http), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The body of <c>POST /api/admin/clerks/{staffCode}/pin</c>.</summary>
    public sealed record NewPin(string? Pin);

    private static ClerkDefinition WithoutPin(ClerkDefinition clerk) => clerk with { Pin = null, PinHash = null };

    private static int IndexOf(HallDefinition d, string staffCode)
    {
        var index = d.Clerks.ToList().FindIndex(c => c.StaffCode == staffCode);
        return index >= 0 ? index : throw Unknown(staffCode);
    }

    private static QueueRuleException Unknown(string staffCode) => QueueProblems.UnknownClerk(staffCode);
}
