using System.Data.Common;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;
using Hall.QueueService.Supervision;

namespace Hall.QueueService.Uplink;

/// <summary>
/// Reads the hall's next batch for the city from its own event record, live and archived days alike: the events after
/// the last one the city acknowledged, in id (chain) order, each ticket event with the ticket's state now.
/// </summary>
public sealed class UplinkBatchReader(QueueDatabase database, AlertStore alerts)
{
    private sealed class EventRow
    {
        public long Id { get; set; }
        public string? TicketId { get; set; }
        public string Kind { get; set; } = "";
        public long At { get; set; }
        public string HallDate { get; set; } = "";
        public long? WindowNumber { get; set; }
        public string? StaffCode { get; set; }
        public string? Device { get; set; }
        public long? ServiceId { get; set; }
        public string? Detail { get; set; }
        public string? Hash { get; set; }
    }

    private sealed class TicketStateRow
    {
        public string Id { get; set; } = "";
        public string HallDate { get; set; } = "";
        public long ServiceId { get; set; }
        public long Status { get; set; }
        public long IssuedAt { get; set; }
        public long? CalledAt { get; set; }
        public long? StartedAt { get; set; }
        public long? FinishedAt { get; set; }
        public long? WindowNumber { get; set; }
        public string? StaffCode { get; set; }
        public long TransferCount { get; set; }
        public long EstimatedWaitMinutes { get; set; }
        public long? RatingLevel { get; set; }
        public long? RatingExcluded { get; set; }
        public string? Outcome { get; set; }
    }

    private const string EventColumns = "id AS Id, ticket_id AS TicketId, kind AS Kind, at AS At, hall_date AS HallDate, window_number AS WindowNumber, " +
        "staff_code AS StaffCode, device AS Device, service_id AS ServiceId, detail AS Detail, hash AS Hash";

    public async Task<UplinkBatch> ReadAsync(HallCatalog catalog, UplinkState state, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var dialect = SqlDialect.Of(connection);
        var rows = (await connection.QueryAsync<EventRow>(
            $"""
            SELECT * FROM (
                SELECT {EventColumns} FROM events WHERE hall_id = @hall AND id > @after
                UNION ALL
                SELECT {EventColumns} FROM events_archive WHERE hall_id = @hall AND id > @after
            ) next_events ORDER BY Id LIMIT @limit
            """, new { hall = catalog.HallId, after = state.LastSentId, limit })).ToList();
        var tickets = await TicketStatesAsync(connection, dialect, catalog.HallId, rows.Select(r => r.TicketId).OfType<string>().Distinct().ToList());
        var previous = state.LastSentHash;
        var events = new List<UplinkEvent>(rows.Count);
        foreach (var row in rows)
        {
            var hash = row.Hash ?? "";
            events.Add(new UplinkEvent(row.Id, previous, hash, row.TicketId, row.Kind, row.At, row.HallDate, (int?)row.WindowNumber, row.StaffCode,
                row.Device, (int?)row.ServiceId, row.Detail, row.TicketId is { } id ? tickets.GetValueOrDefault(id) : null));
            previous = hash;
        }
        var after = rows.Count > 0 ? rows[^1].Id : state.LastSentId;
        var backlog = await UplinkStateTable.BacklogAsync(connection, catalog.HallId, after);
        var open = (await alerts.ListAsync(includeAcknowledged: false, cancellationToken))
            .Select(a => new UplinkAlert(a.Kind, a.Message, a.MessageEn, a.WindowNumber, a.RaisedAt)).ToList();
        var profile = new UplinkProfile(catalog.Definition.TimeZone,
            catalog.Services.Select(s => new UplinkService(s.Id, s.Name, s.PromisedMinutes)).ToList());
        return new UplinkBatch(catalog.HallId, catalog.Definition.Name, catalog.ToOffset(now), backlog, profile, open, events);
    }

    private static async Task<Dictionary<string, UplinkTicket>> TicketStatesAsync(DbConnection connection, SqlDialect dialect, string hallId, List<string> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await connection.QueryAsync<TicketStateRow>(
            $"""
            SELECT t.id AS Id, t.hall_date AS HallDate, t.service_id AS ServiceId, t.status AS Status, t.issued_at AS IssuedAt,
                   t.called_at AS CalledAt, t.started_at AS StartedAt, t.finished_at AS FinishedAt, t.window_number AS WindowNumber,
                   t.staff_code AS StaffCode, t.transfer_count AS TransferCount, t.estimated_wait_minutes AS EstimatedWaitMinutes,
                   t.rating_level AS RatingLevel, t.rating_excluded AS RatingExcluded, o.kind AS Outcome
            FROM ticket_history t LEFT JOIN ticket_outcomes o ON o.ticket_id = t.id
            WHERE t.hall_id = @hallId AND t.id {dialect.In("@ids")}
            """, new { hallId, ids = ids.ToArray() });
        return rows.ToDictionary(r => r.Id, r => new UplinkTicket(r.HallDate, (int)r.ServiceId, (int)r.Status, r.IssuedAt, r.CalledAt, r.StartedAt,
            r.FinishedAt, (int?)r.WindowNumber, r.StaffCode, (int)r.TransferCount, (int)r.EstimatedWaitMinutes, (int?)r.RatingLevel,
            r.RatingExcluded == 1, r.Outcome));
    }

}
