using Dapper;
using Hall.Contracts.Hub;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Supervision;

/// <summary>
/// Raises (once per subject), lists and acknowledges alerts. Each change is published after its commit as a hall event
/// (<see cref="AlertRaisedEvent"/>, <see cref="AlertAcknowledgedEvent"/>), so supervisors connected to any instance
/// see it at once.
/// </summary>
public sealed class AlertStore(QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HallEventPublisher publisher)
{
    public sealed record NewAlert(string Kind, string Subject, string Message, string MessageEn, int? WindowNumber = null, int? ServiceId = null, string? TicketId = null);

    /// <summary>Stores the alert unless its subject was raised before; true when it is new.</summary>
    public async Task<bool> RaiseAsync(NewAlert alert, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        long? id;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            id = await scope.Connection.ExecuteScalarAsync<long?>(
                """
                INSERT INTO alerts (hall_id, kind, subject, message, message_en, window_number, service_id, ticket_id, raised_at)
                VALUES (@hall, @Kind, @Subject, @Message, @MessageEn, @WindowNumber, @ServiceId, @TicketId, @now)
                ON CONFLICT (hall_id, subject) DO NOTHING
                RETURNING id
                """,
                new { hall = catalog.HallId, alert.Kind, alert.Subject, alert.Message, alert.MessageEn, alert.WindowNumber, alert.ServiceId, alert.TicketId, now = time.GetUtcNow().ToUnixMs() },
                scope.Transaction);
            await scope.CommitAsync(cancellationToken);
        }
        if (id is not { } newId)
        {
            return false;
        }
        var view = await GetAsync(newId, cancellationToken);
        await publisher.PublishAsync([new AlertRaisedEvent(view!)], cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<AlertView>> ListAsync(bool includeAcknowledged, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow>(
            "SELECT * FROM alerts WHERE hall_id = @hall" + (includeAcknowledged ? "" : " AND acknowledged_at IS NULL") + " ORDER BY id DESC LIMIT 500",
            new { hall = catalog.HallId });
        return rows.Select(r => r.ToView(catalog)).ToList();
    }

    public async Task<AlertView?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AlertRow>("SELECT * FROM alerts WHERE hall_id = @hall AND id = @id", new { hall = catalog.HallId, id });
        return row?.ToView(catalog);
    }

    public async Task<AlertView> AcknowledgeAsync(long id, string? by, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var changed = await scope.Connection.ExecuteAsync(
                "UPDATE alerts SET acknowledged_at = @now, acknowledged_by = @by WHERE hall_id = @hall AND id = @id AND acknowledged_at IS NULL",
                new { now = time.GetUtcNow().ToUnixMs(), by = string.IsNullOrWhiteSpace(by) ? null : by.Trim()[..Math.Min(by.Trim().Length, 50)], hall = catalog.HallId, id },
                scope.Transaction);
            await scope.CommitAsync(cancellationToken);
            if (changed == 0)
            {
                _ = await GetAsync(id, cancellationToken) ?? throw QueueProblems.AlertNotFound(id);
                throw QueueProblems.AlreadyAcknowledged();
            }
        }
        var view = (await GetAsync(id, cancellationToken))!;
        await publisher.PublishAsync([new AlertAcknowledgedEvent(view)], cancellationToken);
        return view;
    }

    private sealed class AlertRow
    {
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public string Message { get; set; } = "";
        public string MessageEn { get; set; } = "";
        public long? WindowNumber { get; set; }
        public long? ServiceId { get; set; }
        public string? TicketId { get; set; }
        public long RaisedAt { get; set; }
        public long? AcknowledgedAt { get; set; }
        public string? AcknowledgedBy { get; set; }

        public AlertView ToView(HallCatalog catalog) => new(Id, Kind, Message, MessageEn, (int?)WindowNumber, (int?)ServiceId, TicketId,
            catalog.ToOffset(TimeConversions.FromUnixMs(RaisedAt)),
            AcknowledgedAt is { } a ? catalog.ToOffset(TimeConversions.FromUnixMs(a)) : null, AcknowledgedBy);
    }
}
