using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Appointments;

/// <summary>What a check-in with a booking code gives: appointment priority within the window, or a normal ticket with the reason.</summary>
public sealed record CheckInDecision(AppointmentRow Appointment, bool OnTime, string? Notice)
{
    public DateTimeOffset SlotStart => TimeConversions.FromUnixMs(Appointment.SlotStart);
}

/// <summary>
/// Check-in (预约签到) inside the ticket's own write transaction: the booking is read (locked on PostgreSQL), judged
/// against its check-in window and, once the ticket exists, marked with it, so a code checks in exactly once.
/// </summary>
public static class AppointmentCheckIn
{
    public static async Task<CheckInDecision> DecideAsync(WriteScope scope, QueueDatabase database, HallCatalog catalog, string code, int? requestedServiceId, DateTimeOffset now)
    {
        var row = await AppointmentBook.FindAsync(scope, code, database.Dialect.ForUpdate);
        if (row is null || row.HallId != catalog.HallId)
        {
            throw AppointmentBook.NotFound(code);
        }
        if (requestedServiceId is { } serviceId && serviceId != row.ServiceId)
        {
            throw QueueProblems.AppointmentServiceMismatch(row.Code, catalog.ServiceName(row.ServiceId), catalog.ServiceName(serviceId));
        }
        if (row.TicketId is not null || row.StatusValue == AppointmentStatus.CheckedIn)
        {
            throw QueueProblems.AppointmentAlreadyCheckedIn(row.Code, row.TicketId);
        }
        if (row.StatusValue == AppointmentStatus.Cancelled)
        {
            throw QueueProblems.AppointmentCancelled(row.Code);
        }
        var from = TimeConversions.FromUnixMs(row.CheckInFrom);
        var until = TimeConversions.FromUnixMs(row.CheckInUntil);
        var slot = AppointmentBook.Local(catalog, TimeConversions.FromUnixMs(row.SlotStart));
        if (now < from)
        {
            var back = AppointmentBook.Local(catalog, from);
            throw QueueProblems.AppointmentTooEarly(slot, back, catalog.ToOffset(from), catalog.ToOffset(TimeConversions.FromUnixMs(row.SlotStart)));
        }
        if (now > until || row.StatusValue == AppointmentStatus.Missed)
        {
            var last = AppointmentBook.Local(catalog, until);
            return new CheckInDecision(row, false,
                $"您预约的时段为 {slot}，签到时间已于 {last} 截止，已按普通号排队。Check-in for your {slot} slot closed at {last}, so this is a normal ticket.");
        }
        return new CheckInDecision(row, true, null);
    }

    /// <summary>Links the booking to its ticket; a late check-in leaves the booking missed.</summary>
    public static async Task MarkAsync(WriteScope scope, CheckInDecision decision, string ticketId, DateTimeOffset now, Actor actor)
    {
        var row = decision.Appointment;
        await scope.Connection.ExecuteAsync(
            """
            UPDATE appointments SET status = @status, checked_in_at = @now, ticket_id = @ticketId,
                missed_at = CASE WHEN @status = @missed THEN COALESCE(missed_at, @now) ELSE missed_at END
            WHERE code = @code
            """,
            new { status = (int)(decision.OnTime ? AppointmentStatus.CheckedIn : AppointmentStatus.Missed), now = now.ToUnixMs(), ticketId, code = row.Code, missed = (int)AppointmentStatus.Missed },
            scope.Transaction);
        await EventLog.AppendAsync(scope, row.HallId, decision.OnTime ? AppointmentEventKinds.CheckedIn : AppointmentEventKinds.Missed, now, row.HallDate, actor,
            ticketId, row.ServiceId, "appointment=" + row.Code + (decision.OnTime ? "" : " late check-in"));
    }
}
