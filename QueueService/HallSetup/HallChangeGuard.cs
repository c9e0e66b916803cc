using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.HallSetup;

/// <summary>
/// Refuses hall changes that would strand citizens or clerks: a service that still has tickets today, the last
/// window of a service people wait for, an open or busy window, a logged-in clerk, open appointments, or a prefix whose numbers today
/// belong to another service. Runs inside the change's write transaction, with the windows' rows locked
/// (PostgreSQL), so a login or call on another instance cannot slip in between check and commit.
/// </summary>
public static class HallChangeGuard
{
    public static async Task CheckAsync(WriteScope scope, QueueDatabase database, HallCatalog current, HallDefinition next, DateTimeOffset now)
    {
        var hallId = current.HallId;
        var today = current.HallDate(now).ToKey();
        var nextServices = next.Services.ToDictionary(s => s.Id);
        var nextWindows = next.Windows.Select(w => w.Number).ToHashSet();

        var states = (await scope.Connection.QueryAsync<WindowStateRow>(
            "SELECT * FROM window_states WHERE hall_id = @hallId ORDER BY window_number" + database.ForUpdate,
            new { hallId }, scope.Transaction)).ToList();
        foreach (var state in states.Where(s => !nextWindows.Contains(s.WindowNumber)))
        {
            var name = current.WindowName(state.WindowNumber);
            if (state.SessionId is not null)
            {
                var clerk = state.StaffCode is { } code ? current.FindClerk(code)?.Name ?? code : "";
                throw QueueRuleException.Conflict("windowOpen",
                    $"{name}有工作人员{clerk}登录中，请先退出登录再删除该窗口。Window {state.WindowNumber} is open (a clerk is logged in); log out first.");
            }
            if (state.CurrentTicketId is not null || state.HeldTicketId is not null)
            {
                throw QueueRuleException.Conflict("windowBusy",
                    $"{name}还有已叫号或办理中的号，请办结后再删除。Window {state.WindowNumber} has a ticket called or being served.");
            }
        }
        foreach (var state in states.Where(s => s.SessionId is not null && s.StaffCode is not null))
        {
            if (!next.Clerks.Any(c => c.StaffCode == state.StaffCode))
            {
                throw QueueRuleException.Conflict("clerkLoggedIn",
                    $"工作人员 {state.StaffCode} 正在{current.WindowName(state.WindowNumber)}登录，请先退出登录再删除。Clerk {state.StaffCode} is logged in at window {state.WindowNumber}; log out first.");
            }
        }

        var active = await scope.Connection.QueryAsync<ActiveCount>(
            """
            SELECT service_id, status, target_window, COUNT(*) AS tickets FROM tickets
            WHERE hall_id = @hallId AND hall_date = @today AND status IN (@waiting, @called, @serving)
            GROUP BY service_id, status, target_window
            """,
            new { hallId, today, waiting = (int)TicketStatus.Waiting, called = (int)TicketStatus.Called, serving = (int)TicketStatus.Serving },
            scope.Transaction);
        foreach (var byService in active.GroupBy(a => a.ServiceId))
        {
            var name = current.ServiceName(byService.Key);
            if (!nextServices.ContainsKey(byService.Key))
            {
                throw QueueRuleException.Conflict("serviceInUse",
                    $"“{name}”今天还有 {byService.Sum(a => a.Tickets)} 个等候、已叫号或办理中的号，不能删除。Service {byService.Key} still has {byService.Sum(a => a.Tickets)} waiting, called or serving tickets today.");
            }
            var waiting = byService.Where(a => a.Status == (int)TicketStatus.Waiting).Sum(a => a.Tickets);
            // Only a change that takes the service off its last window is refused; one without a window already stays fixable.
            if (waiting > 0 && current.WindowsServing(byService.Key).Count > 0 && !next.Windows.Any(w => w.ServiceIds.Contains(byService.Key)))
            {
                throw QueueRuleException.Conflict("lastWindowOfService",
                    $"“{name}”还有 {waiting} 位群众在等候，至少要保留一个办理它的窗口。{waiting} people wait for service {byService.Key}; at least one window must still serve it.");
            }
        }
        foreach (var targeted in active.Where(a => a.TargetWindow is { } w && !nextWindows.Contains(w)).GroupBy(a => a.TargetWindow!.Value))
        {
            throw QueueRuleException.Conflict("windowHasTransfers",
                $"有 {targeted.Sum(a => a.Tickets)} 个号被转到{current.WindowName(targeted.Key)}等候，不能删除该窗口。{targeted.Sum(a => a.Tickets)} tickets wait for window {targeted.Key} after a transfer.");
        }

        var booked = await scope.Connection.QueryAsync<BookedCount>(
            "SELECT service_id, COUNT(*) AS bookings FROM appointments WHERE hall_id = @hallId AND status = 0 AND check_in_until > @now GROUP BY service_id",
            new { hallId, now = now.ToUnixMs() }, scope.Transaction);
        foreach (var service in booked.Where(b => !nextServices.ContainsKey(b.ServiceId)))
        {
            throw QueueRuleException.Conflict("serviceHasAppointments",
                $"“{current.ServiceName(service.ServiceId)}”还有 {service.Bookings} 个未到期的预约，请先取消预约再删除。Service {service.ServiceId} still has {service.Bookings} open appointments.");
        }

        // Numbers are unique per hall day: a prefix may not pass to another service while today's numbers carry it.
        var prefixes = await scope.Connection.QueryAsync<IssuedPrefix>(
            "SELECT DISTINCT issued_service_id, substr(number, 1, length(number) - 3) AS prefix FROM tickets WHERE hall_id = @hallId AND hall_date = @today",
            new { hallId, today }, scope.Transaction);
        foreach (var service in next.Services)
        {
            if (prefixes.FirstOrDefault(p => p.Prefix == service.Prefix && p.IssuedServiceId != service.Id) is { } used)
            {
                throw QueueRuleException.Conflict("prefixUsedToday",
                    $"字头 {service.Prefix} 今天已用于“{current.ServiceName(used.IssuedServiceId)}”的号，明天才能给其他业务使用。Prefix {service.Prefix} numbered service {used.IssuedServiceId}'s tickets today; it can move to another service tomorrow.");
            }
        }
    }

    private sealed class ActiveCount
    {
        public int ServiceId { get; set; }
        public int Status { get; set; }
        public int? TargetWindow { get; set; }
        public long Tickets { get; set; }
    }

    private sealed class BookedCount
    {
        public int ServiceId { get; set; }
        public long Bookings { get; set; }
    }

    private sealed class IssuedPrefix
    {
        public int IssuedServiceId { get; set; }
        public string Prefix { get; set; } = "";
    }
}
