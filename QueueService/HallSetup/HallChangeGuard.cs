using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Appointments;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Hall.QueueService.Queue.Tables;

namespace Hall.QueueService.HallSetup;

/// <summary>
/// Refuses hall changes that would strand citizens or clerks: a service that still has tickets today, the last
/// window of a service people wait for, an open or busy window, a logged-in clerk, open appointments, or a prefix whose numbers today
/// belong to another service. Runs inside the change's write transaction, with the windows' rows locked
/// (PostgreSQL), so a login or call on another instance cannot slip in between check and commit.
/// </summary>
public static class HallChangeGuard
{
    public static async Task CheckAsync(WriteScope scope, HallCatalog current, HallDefinition next, DateTimeOffset now)
    {
        var hallId = current.HallId;
        var today = current.HallDate(now).ToKey();
        var nextServices = next.Services.ToDictionary(s => s.Id);
        var nextWindows = next.Windows.Select(w => w.Number).ToHashSet();

        var states = await WindowStatesTable.LockAllAsync(scope, hallId);
        foreach (var state in states.Where(s => !nextWindows.Contains(s.WindowNumber)))
        {
            var name = current.WindowName(state.WindowNumber);
            if (state.SessionId is not null)
            {
                var clerk = state.StaffCode is { } code ? current.FindClerk(code)?.Name ?? code : "";
                throw QueueProblems.WindowOpen(name, clerk, state.WindowNumber);
            }
            if (state.CurrentTicketId is not null || state.HeldTicketId is not null)
            {
                throw QueueProblems.WindowBusy(name, state.WindowNumber);
            }
        }
        foreach (var state in states.Where(s => s.SessionId is not null && s.StaffCode is not null))
        {
            if (!next.Clerks.Any(c => c.StaffCode == state.StaffCode))
            {
                throw QueueProblems.ClerkLoggedIn(state.StaffCode, current.WindowName(state.WindowNumber), state.WindowNumber);
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
                throw QueueProblems.ServiceInUse(name, byService.Key, byService.Sum(a => a.Tickets));
            }
            var waiting = byService.Where(a => a.Status == (int)TicketStatus.Waiting).Sum(a => a.Tickets);
            // Only a change that takes the service off its last window is refused; one without a window already stays fixable.
            if (waiting > 0 && current.WindowsServing(byService.Key).Count > 0 && !next.Windows.Any(w => w.ServiceIds.Contains(byService.Key)))
            {
                throw QueueProblems.LastWindowOfService(name, byService.Key, waiting);
            }
        }
        foreach (var targeted in active.Where(a => a.TargetWindow is { } w && !nextWindows.Contains(w)).GroupBy(a => a.TargetWindow!.Value))
        {
            throw QueueProblems.WindowHasTransfers(targeted.Sum(a => a.Tickets), current.WindowName(targeted.Key), targeted.Key);
        }

        var booked = await scope.Connection.QueryAsync<BookedCount>(
            "SELECT service_id, COUNT(*) AS bookings FROM appointments WHERE hall_id = @hallId AND status = @booked AND check_in_until > @now GROUP BY service_id",
            new { hallId, now = now.ToUnixMs(), booked = (int)AppointmentStatus.Booked }, scope.Transaction);
        foreach (var service in booked.Where(b => !nextServices.ContainsKey(b.ServiceId)))
        {
            throw QueueProblems.ServiceHasAppointments(current.ServiceName(service.ServiceId), service.ServiceId, service.Bookings);
        }

        // Numbers are unique per hall day: a prefix may not pass to another service while today's numbers carry it.
        var prefixes = await scope.Connection.QueryAsync<IssuedPrefix>(
            "SELECT DISTINCT issued_service_id, substr(number, 1, length(number) - 3) AS prefix FROM tickets WHERE hall_id = @hallId AND hall_date = @today",
            new { hallId, today }, scope.Transaction);
        foreach (var service in next.Services)
        {
            if (prefixes.FirstOrDefault(p => p.Prefix == service.Prefix && p.IssuedServiceId != service.Id) is { } used)
            {
                throw QueueProblems.PrefixUsedToday(service.Prefix, current.ServiceName(used.IssuedServiceId), used.IssuedServiceId);
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
