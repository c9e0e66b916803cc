using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Api;

/// <summary>
/// <c>/api/admin/windows</c>: the hall's windows, one at a time. A new window gets its live state row at once; an open
/// or busy window cannot be deleted, nor a service taken off the last window that serves people waiting for it.
/// </summary>
public static class AdminWindowsApi
{
    public static RouteGroupBuilder MapAdminWindowsApi(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/windows").Refuses(ProblemKind.NotFound, ProblemKind.Conflict);
        group.MapGet("/", List).WithSummary("Every window as in the hall file");
        group.MapGet("/{number:int}", Get).WithSummary("One window");
        group.MapPost("/", AddAsync).WithSummary("Adds a window (without a number: the next free one)");
        group.MapPut("/{number:int}", ReplaceAsync).WithSummary("Replaces a window (name, services, bus addresses…); takes effect at once");
        group.MapDelete("/{number:int}", DeleteAsync).WithSummary("Deletes a window and takes it off clerks' A/B posts (409 while open or busy)");
        return group;
    }

    public static IResult List(HallCatalogHolder hall) => AdminRequest.Json(hall.Current.Windows);

    public static IResult Get(int number, HallCatalogHolder hall) =>
        AdminRequest.Json(hall.Current.FindWindow(number) ?? throw Unknown(number));

    public static async Task<IResult> AddAsync(HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        var window = await AdminRequest.ReadAsync<WindowDefinition>(http.Request, "window", cancellationToken);
        var added = window;
        var hall = await editor.ChangeAsync(d =>
        {
            added = window.Number == 0 ? window with { Number = d.Windows.Select(w => w.Number).DefaultIfEmpty().Max() + 1 } : window;
            if (d.Windows.Any(w => w.Number == added.Number))
            {
                throw QueueProblems.WindowExists(added.Number);
            }
            return d with { Windows = [.. d.Windows, added] };
        }, $"window {window.Number} {window.Name} added", AdminRequest.Administrator(http), cancellationToken);
        http.Response.Headers.Location = $"/api/admin/windows/{added.Number}";
        return AdminRequest.Json(hall.Windows.Single(w => w.Number == added.Number), StatusCodes.Status201Created);
    }

    public static async Task<IResult> ReplaceAsync(int number, HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        var window = await AdminRequest.ReadAsync<WindowDefinition>(http.Request, "window", cancellationToken);
        if (window.Number != 0 && window.Number != number)
        {
            throw QueueProblems.NumberMismatch(window.Number, number);
        }
        var hall = await editor.ChangeAsync(d =>
        {
            var windows = d.Windows.ToList();
            windows[IndexOf(d, number)] = window with { Number = number };
            return d with { Windows = windows };
        }, $"window {number} changed", AdminRequest.Administrator(http), cancellationToken);
        return AdminRequest.Json(hall.Windows.Single(w => w.Number == number));
    }

    public static async Task<IResult> DeleteAsync(int number, HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        await editor.ChangeAsync(d =>
        {
            _ = IndexOf(d, number);
            return d with
            {
                Windows = d.Windows.Where(w => w.Number != number).ToList(),
                Clerks = d.Clerks.Select(c => c with
                {
                    APostWindows = c.APostWindows.Where(n => n != number).ToList(),
                    BPostWindows = c.BPostWindows.Where(n => n != number).ToList(),
                }).ToList(),
            };
        }, $"window {number} deleted", AdminRequest.Administrator(http), cancellationToken);
        return TypedResults.NoContent();
    }

    private static int IndexOf(HallDefinition d, int number)
    {
        var index = d.Windows.ToList().FindIndex(w => w.Number == number);
        return index >= 0 ? index : throw Unknown(number);
    }

    private static QueueRuleException Unknown(int number) => QueueProblems.UnknownWindow(number);
}
