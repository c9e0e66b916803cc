using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.FollowUps;

/// <summary>
/// 回访/整改 records: opened in the rating's own transaction when a rating is bad, with a deadline of the hall's
/// working days (national rule: 15), and closed by a supervisor with an answer. Both are event rows as well.
/// </summary>
public static class FollowUpRecords
{
    public static async Task OpenAsync(WriteScope scope, HallCatalog catalog, TicketRow ticket, int level, DateTimeOffset now, Actor actor)
    {
        // The same local time that many working days later (holidays and make-up workdays counted by the calendar).
        var local = catalog.ToLocal(now);
        var due = catalog.Calendar.AddWorkingDays(DateOnly.FromDateTime(local), catalog.Definition.FollowUpWorkingDays).ToDateTime(TimeOnly.FromDateTime(local));
        var dueAt = new DateTimeOffset(due, catalog.TimeZone.GetUtcOffset(due));
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO follow_ups (id, hall_id, ticket_id, ticket_number, window_number, staff_code, service_id, level, created_at, due_at, status)
            VALUES (@id, @hall, @ticketId, @number, @window, @staff, @serviceId, @level, @now, @dueAt, 'open')
            """,
            new
            {
                id = Guid.CreateVersion7(now).ToString("D"),
                hall = catalog.HallId,
                ticketId = ticket.Id,
                number = ticket.Number,
                window = ticket.WindowNumber,
                staff = ticket.StaffCode,
                serviceId = ticket.ServiceId,
                level,
                now = now.ToUnixMs(),
                dueAt = dueAt.ToUnixMs(),
            },
            scope.Transaction);
        await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.FollowUpOpened, now, catalog.HallDate(now).ToKey(),
            actor with { WindowNumber = ticket.WindowNumber, StaffCode = ticket.StaffCode }, ticket.Id, ticket.ServiceId, $"level={level};due={dueAt:yyyy-MM-dd}");
    }
}
