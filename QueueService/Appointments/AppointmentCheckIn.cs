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
        var row = await AppointmentBook.FindAsync(scope, code, database.ForUpdate);
        if (row is null || row.HallId != catalog.HallId)
        {
            throw AppointmentBook.NotFound(code);
        }
        if (requestedServiceId is { } serviceId && serviceId != row.ServiceId)
        {
            throw QueueRuleException.BadRequest("appointmentServiceMismatch",
                $"预约 {row.Code} 是“{catalog.ServiceName(row.ServiceId)}”的预约，不是“{catalog.ServiceName(serviceId)}”。This appointment is for another service.");
        }
        if (row.TicketId is not null || row.StatusValue == AppointmentStatus.CheckedIn)
        {
            throw QueueRuleException.Conflict("appointmentAlreadyCheckedIn",
                $"预约 {row.Code} 已经签到取号，不能重复签到。This appointment has already been checked in.",
                new Dictionary<string, object?> { ["ticketId"] = row.TicketId });
        }
        if (row.StatusValue == AppointmentStatus.Cancelled)
        {
            throw QueueRuleException.Conflict("appointmentCancelled", $"预约 {row.Code} 已取消，请重新预约或现场取号。This appointment was cancelled.");
        }
        var from = TimeConversions.FromUnixMs(row.CheckInFrom);
        var until = TimeConversions.FromUnixMs(row.CheckInUntil);
        var slot = AppointmentBook.Local(catalog, TimeConversions.FromUnixMs(row.SlotStart));
        if (now < from)
        {
            var back = AppointmentBook.Local(catalog, from);
            throw QueueRuleException.Conflict("appointmentTooEarly",
                $"您预约的时段为 {slot}，请于 {back} 以后再来签到。Your slot starts at {slot}; please check in from {back}.",
                new Dictionary<string, object?> { ["checkInFrom"] = catalog.ToOffset(from), ["slotStart"] = catalog.ToOffset(TimeConversions.FromUnixMs(row.SlotStart)) });
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
                missed_at = CASE WHEN @status = 3 THEN COALESCE(missed_at, @now) ELSE missed_at END
            WHERE code = @code
            """,
            new { status = (int)(decision.OnTime ? AppointmentStatus.CheckedIn : AppointmentStatus.Missed), now = now.ToUnixMs(), ticketId, code = row.Code },
            scope.Transaction);
        await EventLog.AppendAsync(scope, row.HallId, decision.OnTime ? AppointmentEventKinds.CheckedIn : AppointmentEventKinds.Missed, now, row.HallDate, actor,
            ticketId, row.ServiceId, "appointment=" + row.Code + (decision.OnTime ? "" : " late check-in"));
    }
}
