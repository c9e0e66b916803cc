using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Statistics;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue.Outcomes;

/// <summary>
/// 承诺件 after the visit: accepted at the window with a due date in working days, then completed (the result ready or
/// delivered) by a member of staff, an event of the audit chain. A case is overdue (逾期) when it was completed after
/// its due date, or is still open after it. Counted per service, window and clerk by due date.
/// </summary>
public sealed class PromisedCases(QueueDatabase database, HallCatalogHolder hall, TimeProvider time)
{
    public async Task<IReadOnlyList<PromisedCaseView>> ListAsync(bool openOnly, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var today = catalog.HallDate(time.GetUtcNow()).ToKey();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"""
            SELECT o.ticket_id, o.hall_date, o.service_id, o.window_number, o.staff_code, o.case_number, o.due_date, o.completed_on, o.completed_by,
                   COALESCE(t.number, a.number) AS number
            FROM ticket_outcomes o
            LEFT JOIN tickets t ON t.id = o.ticket_id
            LEFT JOIN tickets_archive a ON a.id = o.ticket_id
            WHERE o.hall_id = @hall AND o.kind = 'accepted' {(openOnly ? "AND o.completed_on IS NULL" : "")}
            ORDER BY o.due_date, o.recorded_at
            LIMIT 500
            """, new { hall = catalog.HallId });
        return rows.Select(r => View(catalog, r, today)).ToList();
    }

    public async Task<PromisedCaseView> CompleteAsync(Guid ticketId, Actor actor, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        var today = catalog.HallDate(now).ToKey();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var id = ticketId.ToString("D");
        var row = await scope.Connection.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT o.ticket_id, o.hall_date, o.service_id, o.window_number, o.staff_code, o.case_number, o.due_date, o.completed_on, o.completed_by,
                   NULL AS number
            FROM ticket_outcomes o WHERE o.hall_id = @hall AND o.ticket_id = @id AND o.kind = 'accepted'
            """, new { hall = catalog.HallId, id }, scope.Transaction)
            ?? throw QueueProblems.NoPromisedCase(ticketId);
        if (row.CompletedOn is not null)
        {
            throw QueueProblems.PromisedCaseAlreadyCompleted(row.CompletedOn);
        }
        var by = actor.StaffCode ?? actor.Device;
        await scope.Connection.ExecuteAsync(
            "UPDATE ticket_outcomes SET completed_on = @today, completed_by = @by WHERE hall_id = @hall AND ticket_id = @id",
            new { today, by, hall = catalog.HallId, id }, scope.Transaction);
        await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.PromisedCaseCompleted, now, today, actor, ticketId: id,
            serviceId: row.ServiceId, detail: $"due={row.DueDate}");
        await scope.CommitAsync(cancellationToken);
        row.CompletedOn = today;
        row.CompletedBy = by;
        return View(catalog, row, today);
    }

    /// <summary>承诺件 due in the range (by due date) and those of them overdue as of <paramref name="today"/>, per service, window and clerk.</summary>
    public static async Task<IReadOnlyList<DueCount>> DueCountsAsync(HistoryRead read, string hallId, HallDateRange range, string today) =>
        (await read.Connection.QueryAsync<DueCount>(
            """
            SELECT service_id AS ServiceId, window_number AS WindowNumber, staff_code AS StaffCode, COUNT(*) AS Due,
                   SUM(CASE WHEN (completed_on IS NOT NULL AND completed_on > due_date) OR (completed_on IS NULL AND due_date < @today) THEN 1 ELSE 0 END) AS Overdue
            FROM ticket_outcomes
            WHERE hall_id = @hallId AND kind = 'accepted' AND due_date >= @from AND due_date <= @to
            GROUP BY service_id, window_number, staff_code
            """, new { hallId, from = range.FromKey, to = range.ToKey, today }, read.Transaction)).ToList();

    private static PromisedCaseView View(HallCatalog catalog, Row r, string today) => new(
        Guid.Parse(r.TicketId), r.Number, r.HallDate, r.ServiceId, catalog.ServiceName(r.ServiceId), r.WindowNumber, r.StaffCode, r.CaseNumber,
        r.DueDate, r.CompletedOn, r.CompletedBy,
        r.DueDate is not null && (r.CompletedOn is null ? string.CompareOrdinal(r.DueDate, today) < 0 : string.CompareOrdinal(r.CompletedOn, r.DueDate) > 0));

    private sealed class Row
    {
        public string TicketId { get; set; } = "";
        public string HallDate { get; set; } = "";
        public int ServiceId { get; set; }
        public int? WindowNumber { get; set; }
        public string? StaffCode { get; set; }
        public string? CaseNumber { get; set; }
        public string? DueDate { get; set; }
        public string? CompletedOn { get; set; }
        public string? CompletedBy { get; set; }
        public string? Number { get; set; }
    }

    public sealed class DueCount
    {
        public long ServiceId { get; set; }
        public long? WindowNumber { get; set; }
        public string? StaffCode { get; set; }
        public long Due { get; set; }
        public long Overdue { get; set; }
    }
}

/// <summary>A 承诺件: accepted on <c>acceptedOn</c>, due on <c>dueDate</c>, completed on <c>completedOn</c> (null while open).</summary>
public sealed record PromisedCaseView(Guid TicketId, string? Number, string AcceptedOn, int ServiceId, string ServiceName, int? WindowNumber,
    string? StaffCode, string? CaseNumber, string? DueDate, string? CompletedOn, string? CompletedBy, bool Overdue);
