using System.Data.Common;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Supervision;

namespace Hall.QueueService.FollowUps;

/// <summary>A 差评's follow-up still open past its deadline (working days from the hall calendar): one alert per follow-up.</summary>
public static class FollowUpOverdueCheck
{
    public static async Task<IReadOnlyList<AlertStore.NewAlert>> FindAsync(DbConnection connection, HallCatalog catalog, DateTimeOffset now)
    {
        var rows = await connection.QueryAsync<(string Id, string TicketId, string TicketNumber, long? WindowNumber, long ServiceId, long DueAt)>(
            "SELECT id, ticket_id, ticket_number, window_number, service_id, due_at FROM follow_ups WHERE hall_id = @hall AND status = 'open' AND due_at < @now",
            new { hall = catalog.HallId, now = now.ToUnixMs() });
        return rows.Select(r =>
        {
            var due = catalog.ToOffset(TimeConversions.FromUnixMs(r.DueAt));
            return new AlertStore.NewAlert(AlertKinds.FollowUpOverdue, $"followUpOverdue:{r.Id}",
                $"{r.TicketNumber} 的差评回访整改已超过办结期限（{due:yyyy-MM-dd}），请尽快回访并反馈。",
                $"The follow-up of {r.TicketNumber}'s bad rating is past its deadline ({due:yyyy-MM-dd}).",
                (int?)r.WindowNumber, (int)r.ServiceId, r.TicketId);
        }).ToList();
    }
}
