using System.Text.Json;
using Dapper;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Hall.QueueService.Supervision;
using Hall.QueueService.Uplink;

namespace Hall.QueueService.City;

/// <summary>
/// Takes a hall's batch on the city server, in one transaction under the hall's row lock: events the city has already
/// stored must come again unchanged (a batch sent twice is taken once), each new event must link to the one before it
/// (<see cref="UplinkEvent.PreviousHash"/>), and the tickets the events carry are stored as their latest state. A gap
/// or a changed event refuses the whole batch, is noted on the hall and raises an alert: the city never papers over it.
/// </summary>
public sealed partial class CityIngest(QueueDatabase database, AlertStore alerts, TimeProvider time, ILogger<CityIngest> logger)
{
    public const int MaxEvents = 5000;

    public async Task<UplinkAcknowledgement> AcceptAsync(string hallId, UplinkBatch batch, CancellationToken cancellationToken)
    {
        Check(batch);
        try
        {
            return await ApplyAsync(hallId, batch, cancellationToken);
        }
        catch (QueueRuleException refusal) when (refusal.Code is "uplinkChainBroken" or "uplinkEventChanged")
        {
            await RefuseAsync(hallId, refusal, cancellationToken);
            throw;
        }
    }

    private async Task<UplinkAcknowledgement> ApplyAsync(string hallId, UplinkBatch batch, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var hall = await CityHallsTable.LockAsync(scope, hallId) ?? throw QueueProblems.UplinkHallUnknown(hallId);
        var known = batch.Events.Where(e => e.Id <= hall.LastEventId).ToList();
        if (known.Count > 0)
        {
            var stored = (await scope.Connection.QueryAsync<(long Id, string Hash)>(
                $"SELECT id, hash FROM city_events WHERE hall_id = @hallId AND id {scope.Dialect.In("@ids")}",
                new { hallId, ids = known.Select(e => e.Id).ToArray() }, scope.Transaction)).ToDictionary(r => r.Id, r => r.Hash);
            if (known.FirstOrDefault(e => stored.GetValueOrDefault(e.Id) != e.Hash) is { } changed)
            {
                throw QueueProblems.UplinkEventChanged(hallId, changed.Id);
            }
        }
        var fresh = batch.Events.Where(e => e.Id > hall.LastEventId).ToList();
        var previous = hall.LastHash;
        foreach (var e in fresh)
        {
            if (e.PreviousHash != previous)
            {
                throw QueueProblems.UplinkChainBroken(hallId, e.Id);
            }
            previous = e.Hash;
        }
        await InsertEventsAsync(scope, hallId, fresh);
        await StoreTicketsAsync(scope, hallId, batch.Events);
        if (fresh.Count > 0)
        {
            hall.LastEventId = fresh[^1].Id;
            hall.LastHash = fresh[^1].Hash;
            hall.LastEventAt = Math.Max(hall.LastEventAt ?? 0, fresh.Max(e => e.At));
        }
        hall.LastBatchAt = time.GetUtcNow().ToUnixMs();
        hall.Backlog = batch.Backlog;
        hall.Profile = JsonSerializer.Serialize(batch.Profile, UplinkJson.Options);
        hall.Alerts = JsonSerializer.Serialize(batch.Alerts, UplinkJson.Options);
        await CityHallsTable.RecordBatchAsync(scope, hall);
        await scope.CommitAsync(cancellationToken);
        if (fresh.Count > 0)
        {
            LogTaken(hallId, fresh.Count, hall.LastEventId, batch.Backlog);
        }
        return new UplinkAcknowledgement(hall.LastEventId, hall.LastHash);
    }

    private static Task InsertEventsAsync(WriteScope scope, string hallId, List<UplinkEvent> events) =>
        events.Count == 0 ? Task.CompletedTask : scope.Connection.ExecuteAsync(
            """
            INSERT INTO city_events (hall_id, id, ticket_id, kind, at, hall_date, window_number, staff_code, device, service_id, detail, hash, previous_hash)
            VALUES (@HallId, @Id, @TicketId, @Kind, @At, @HallDate, @WindowNumber, @StaffCode, @Device, @ServiceId, @Detail, @Hash, @PreviousHash)
            ON CONFLICT (hall_id, id) DO NOTHING
            """,
            events.Select(e => new { HallId = hallId, e.Id, e.TicketId, e.Kind, e.At, e.HallDate, e.WindowNumber, e.StaffCode, e.Device, e.ServiceId,
                e.Detail, e.Hash, e.PreviousHash }), scope.Transaction);

    /// <summary>Each ticket's state from the last event of the batch that carries it; an older batch sent again never overwrites a newer one.</summary>
    private static async Task StoreTicketsAsync(WriteScope scope, string hallId, IReadOnlyList<UplinkEvent> events)
    {
        var latest = events.Where(e => e.TicketId is not null && e.Ticket is not null)
            .GroupBy(e => e.TicketId!).Select(g => g.MaxBy(e => e.Id)!).ToList();
        if (latest.Count == 0)
        {
            return;
        }
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO city_tickets (hall_id, id, hall_date, service_id, status, issued_at, called_at, started_at, finished_at, window_number,
                staff_code, transfer_count, estimated_wait_minutes, rating_level, rating_excluded, through_event_id)
            VALUES (@HallId, @Id, @HallDate, @ServiceId, @Status, @IssuedAt, @CalledAt, @StartedAt, @FinishedAt, @WindowNumber,
                @StaffCode, @TransferCount, @EstimatedWaitMinutes, @RatingLevel, @RatingExcluded, @Through)
            ON CONFLICT (hall_id, id) DO UPDATE SET hall_date = excluded.hall_date, service_id = excluded.service_id, status = excluded.status,
                issued_at = excluded.issued_at, called_at = excluded.called_at, started_at = excluded.started_at, finished_at = excluded.finished_at,
                window_number = excluded.window_number, staff_code = excluded.staff_code, transfer_count = excluded.transfer_count,
                estimated_wait_minutes = excluded.estimated_wait_minutes, rating_level = excluded.rating_level,
                rating_excluded = excluded.rating_excluded, through_event_id = excluded.through_event_id
            WHERE excluded.through_event_id >= city_tickets.through_event_id
            """,
            latest.Select(e => new
            {
                HallId = hallId, Id = e.TicketId, e.Ticket!.HallDate, e.Ticket.ServiceId, e.Ticket.Status, e.Ticket.IssuedAt, e.Ticket.CalledAt,
                e.Ticket.StartedAt, e.Ticket.FinishedAt, e.Ticket.WindowNumber, e.Ticket.StaffCode, e.Ticket.TransferCount, e.Ticket.EstimatedWaitMinutes,
                e.Ticket.RatingLevel, RatingExcluded = e.Ticket.RatingExcluded ? 1 : (int?)null, Through = e.Id,
            }), scope.Transaction);
        var outcomes = latest.Where(e => e.Ticket!.Outcome is not null).ToList();
        if (outcomes.Count > 0)
        {
            await scope.Connection.ExecuteAsync(
                """
                INSERT INTO city_ticket_outcomes (hall_id, ticket_id, hall_date, service_id, window_number, staff_code, kind)
                VALUES (@HallId, @TicketId, @HallDate, @ServiceId, @WindowNumber, @StaffCode, @Kind)
                ON CONFLICT (hall_id, ticket_id) DO UPDATE SET hall_date = excluded.hall_date, service_id = excluded.service_id,
                    window_number = excluded.window_number, staff_code = excluded.staff_code, kind = excluded.kind
                """,
                outcomes.Select(e => new
                {
                    HallId = hallId, e.TicketId, e.Ticket!.HallDate, e.Ticket.ServiceId, e.Ticket.WindowNumber, e.Ticket.StaffCode, Kind = e.Ticket.Outcome,
                }), scope.Transaction);
        }
    }

    private async Task RefuseAsync(string hallId, QueueRuleException refusal, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            await CityHallsTable.RecordRefusalAsync(scope, hallId, refusal.Code + ": " + refusal.Problem.English, now.ToUnixMs());
            await scope.CommitAsync(cancellationToken);
        }
        LogRefused(hallId, refusal.Code, refusal.Problem.English);
        await alerts.RaiseAsync(new AlertStore.NewAlert(AlertKinds.UplinkRefused, $"uplink:{hallId}:{refusal.Problem.English}",
            refusal.Problem.Chinese, refusal.Problem.English), cancellationToken);
    }

    private static void Check(UplinkBatch batch)
    {
        if (batch.Events is null || batch.Profile is null || batch.Alerts is null)
        {
            throw QueueProblems.UplinkBatchInvalid("events, profile and alerts are required.");
        }
        if (batch.Events.Count > MaxEvents)
        {
            throw QueueProblems.UplinkBatchInvalid($"at most {MaxEvents} events per batch.");
        }
        for (var i = 0; i < batch.Events.Count; i++)
        {
            var e = batch.Events[i];
            if (e.Id <= 0 || string.IsNullOrEmpty(e.Kind) || string.IsNullOrEmpty(e.HallDate) || e.Hash is null || (i > 0 && e.Id <= batch.Events[i - 1].Id))
            {
                throw QueueProblems.UplinkBatchInvalid($"event {e.Id} needs an id above the one before it, a kind, a hall date and a hash.");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Uplink from {HallId}: {Count} events taken, through {Through}; the hall has {Backlog} more")]
    private partial void LogTaken(string hallId, int count, long through, long backlog);

    [LoggerMessage(Level = LogLevel.Error, Message = "Uplink from {HallId} refused ({Code}): {Reason}")]
    private partial void LogRefused(string hallId, string code, string reason);
}
