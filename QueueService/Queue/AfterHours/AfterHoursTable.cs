using Dapper;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue.AfterHours;

/// <summary>Every statement on the after-hours tables: visits finished after closing, and refusals to serve after hours.</summary>
public static class AfterHoursTable
{
    public static Task RecordVisitAsync(WriteScope scope, TicketRow ticket, DateTimeOffset finishedAt) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO after_hours_visits (ticket_id, hall_id, hall_date, service_id, window_number, staff_code, finished_at)
            VALUES (@Id, @HallId, @HallDate, @ServiceId, @WindowNumber, @StaffCode, @finishedAt)
            """,
            new { ticket.Id, ticket.HallId, ticket.HallDate, ticket.ServiceId, ticket.WindowNumber, ticket.StaffCode, finishedAt = finishedAt.ToUnixMs() },
            scope.Transaction);

    public sealed class Refusal
    {
        public string Id { get; set; } = "";
        public string HallId { get; set; } = "";
        public string HallDate { get; set; } = "";
        public int WindowNumber { get; set; }
        public string StaffCode { get; set; } = "";
        public string? TicketId { get; set; }
        public string? TicketNumber { get; set; }
        public string Reason { get; set; } = "";
        public long RefusedAt { get; set; }
    }

    public static Task InsertRefusalAsync(WriteScope scope, Refusal refusal) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO after_hours_refusals (id, hall_id, hall_date, window_number, staff_code, ticket_id, ticket_number, reason, refused_at)
            VALUES (@Id, @HallId, @HallDate, @WindowNumber, @StaffCode, @TicketId, @TicketNumber, @Reason, @RefusedAt)
            """, refusal, scope.Transaction);

    public static async Task<IReadOnlyList<Refusal>> RefusalsAsync(System.Data.Common.DbConnection connection, string hallId, string from, string to) =>
        (await connection.QueryAsync<Refusal>(
            "SELECT * FROM after_hours_refusals WHERE hall_id = @hallId AND hall_date >= @from AND hall_date <= @to ORDER BY refused_at",
            new { hallId, from, to })).ToList();

    /// <summary>Visits finished after closing in a range of hall dates, per service, window and clerk.</summary>
    public static async Task<IReadOnlyList<(long ServiceId, long? WindowNumber, string? StaffCode, long Count)>> VisitCountsAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string hallId, string from, string to) =>
        (await connection.QueryAsync<(long, long?, string?, long)>(
            """
            SELECT service_id, window_number, staff_code, COUNT(*) FROM after_hours_visits
            WHERE hall_id = @hallId AND hall_date >= @from AND hall_date <= @to
            GROUP BY service_id, window_number, staff_code
            """, new { hallId, from, to }, transaction)).ToList();
}
