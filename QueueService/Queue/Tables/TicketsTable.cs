using System.Data.Common;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue.Tables;

/// <summary>
/// Every statement that reads a single ticket or writes <c>tickets</c>: the issuer, the desk, the evaluator and day
/// end decide what changes; this names the changes. Statuses are bound as parameters from <see cref="TicketStatus"/>.
/// (The call order lives in <see cref="NextTicketSelector"/>, the figures over many tickets in Statistics.)
/// </summary>
public static class TicketsTable
{
    public static Task<TicketRow> GetAsync(WriteScope scope, string id) =>
        scope.Connection.QuerySingleAsync<TicketRow>("SELECT * FROM tickets WHERE id = @id", new { id }, scope.Transaction);

    /// <summary>The ticket, locked for this transaction (PostgreSQL).</summary>
    public static Task<TicketRow> LockAsync(WriteScope scope, string id) =>
        scope.Connection.QuerySingleAsync<TicketRow>("SELECT * FROM tickets WHERE id = @id" + scope.Dialect.ForUpdate, new { id }, scope.Transaction);

    /// <summary>The hall's ticket, locked for this transaction; null when there is none (it may be archived).</summary>
    public static Task<TicketRow?> FindForUpdateAsync(WriteScope scope, string hallId, string id) =>
        scope.Connection.QuerySingleOrDefaultAsync<TicketRow>(
            "SELECT * FROM tickets WHERE id = @id AND hall_id = @hallId" + scope.Dialect.ForUpdate, new { id, hallId }, scope.Transaction);

    public static Task<TicketRow?> FindAsync(DbConnection connection, string hallId, string id) =>
        connection.QuerySingleOrDefaultAsync<TicketRow>("SELECT * FROM tickets WHERE id = @id AND hall_id = @hallId", new { id, hallId });

    public static async Task<IReadOnlyList<TicketRow>> ManyAsync(DbConnection connection, IReadOnlyCollection<string> ids) =>
        ids.Count == 0
            ? []
            : (await connection.QueryAsync<TicketRow>($"SELECT * FROM tickets WHERE id {SqlDialect.Of(connection).In("@ids")}", new { ids = ids.ToArray() })).ToList();

    /// <summary>The day's ticket with this number, locked for this transaction, or null.</summary>
    public static Task<TicketRow?> LockByNumberAsync(WriteScope scope, string hallId, string hallDate, string number) =>
        scope.Connection.QuerySingleOrDefaultAsync<TicketRow>(
            "SELECT * FROM tickets WHERE hall_id = @hallId AND hall_date = @hallDate AND number = @number" + scope.Dialect.ForUpdate,
            new { hallId, hallDate, number }, scope.Transaction);

    public static Task<TicketRow?> FindByIdempotencyKeyAsync(WriteScope scope, string hallId, string idempotencyKey) =>
        scope.Connection.QuerySingleOrDefaultAsync<TicketRow>(
            "SELECT * FROM tickets WHERE hall_id = @hallId AND idempotency_key = @idempotencyKey",
            new { hallId, idempotencyKey }, scope.Transaction);

    /// <summary>A ticket of the day for the service that one ID number still holds (waiting or called), or null.</summary>
    public static Task<TicketRow?> FindOpenOfPersonAsync(WriteScope scope, string hallId, string hallDate, int serviceId, string idHash) =>
        scope.Connection.QuerySingleOrDefaultAsync<TicketRow>(
            """
            SELECT * FROM tickets
            WHERE hall_id = @hallId AND hall_date = @hallDate AND service_id = @serviceId AND id_hash = @idHash AND status IN (@waiting, @called)
            LIMIT 1
            """,
            new { hallId, hallDate, serviceId, idHash, waiting = (int)TicketStatus.Waiting, called = (int)TicketStatus.Called }, scope.Transaction);

    /// <summary>Tickets of the day one ID number took through one channel (the remote-ticket cap).</summary>
    public static Task<long> CountOfPersonAsync(DbConnection connection, string hallId, string hallDate, string idHash, string source) =>
        connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM tickets WHERE hall_id = @hallId AND hall_date = @hallDate AND id_hash = @idHash AND source = @source",
            new { hallId, hallDate, idHash, source });

    /// <summary>Per service, the tickets of the day waiting now and the issue time of the oldest.</summary>
    public static async Task<IReadOnlyList<(long ServiceId, long Waiting, long? Oldest)>> WaitingByServiceAsync(DbConnection connection, string hallId, string hallDate) =>
        (await connection.QueryAsync<(long ServiceId, long Waiting, long? Oldest)>(
            "SELECT service_id, COUNT(*), MIN(issued_at) FROM tickets WHERE hall_id = @hallId AND hall_date = @hallDate AND status = @waiting GROUP BY service_id",
            new { hallId, hallDate, waiting = (int)TicketStatus.Waiting })).ToList();

    public static Task InsertAsync(WriteScope scope, TicketRow ticket) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO tickets (id, hall_id, hall_date, service_id, issued_service_id, number, priority, status, issued_at, due_at,
                                 id_hash, id_masked, appointment_code, source, estimated_wait_minutes, idempotency_key)
            VALUES (@Id, @HallId, @HallDate, @ServiceId, @IssuedServiceId, @Number, @Priority, @Status, @IssuedAt, @DueAt,
                    @IdHash, @IdMasked, @AppointmentCode, @Source, @EstimatedWaitMinutes, @IdempotencyKey)
            """,
            ticket, scope.Transaction);

    /// <summary>
    /// Calls the ticket to a window if it still has the expected status; false when another window (or instance)
    /// changed it first.
    /// </summary>
    public static async Task<bool> TryCallAsync(WriteScope scope, string id, TicketStatus expected, int windowNumber, string? staffCode, DateTimeOffset now) =>
        await scope.Connection.ExecuteAsync(
            """
            UPDATE tickets SET status = @called, called_at = @now, started_at = NULL, window_number = @windowNumber, staff_code = @staffCode, target_window = NULL
            WHERE id = @id AND status = @expected
            """,
            new { called = (int)TicketStatus.Called, now = now.ToUnixMs(), windowNumber, staffCode, id, expected = (int)expected },
            scope.Transaction) == 1;

    public static Task SaveRecallCountAsync(WriteScope scope, TicketRow ticket) =>
        scope.Connection.ExecuteAsync("UPDATE tickets SET recall_count = @RecallCount WHERE id = @Id", ticket, scope.Transaction);

    /// <summary>The ticket's status with the time of the step that set it: serving from <c>started_at</c>, done or no-show at <c>finished_at</c>.</summary>
    public static Task SaveStepAsync(WriteScope scope, TicketRow ticket) =>
        scope.Connection.ExecuteAsync(
            "UPDATE tickets SET status = @Status, started_at = @StartedAt, finished_at = @FinishedAt WHERE id = @Id", ticket, scope.Transaction);

    /// <summary>Back to waiting for another service or window, keeping the issue time (its place); the call is forgotten.</summary>
    public static Task SaveTransferAsync(WriteScope scope, TicketRow ticket) =>
        scope.Connection.ExecuteAsync(
            """
            UPDATE tickets SET service_id = @ServiceId, target_window = @TargetWindow, status = @Status, window_number = NULL,
                staff_code = NULL, recall_count = 0, transfer_count = @TransferCount
            WHERE id = @Id
            """, ticket, scope.Transaction);

    public static Task SaveRatingAsync(WriteScope scope, TicketRow ticket) =>
        scope.Connection.ExecuteAsync("UPDATE tickets SET rating_level = @RatingLevel, rated_at = @RatedAt, rating_reasons = @RatingReasons, rating_channel = @RatingChannel WHERE id = @Id", ticket, scope.Transaction);

    /// <summary>Tickets of days before the given one still waiting, called or being served.</summary>
    public static async Task<IReadOnlyList<TicketRow>> UnfinishedBeforeAsync(WriteScope scope, string hallId, string hallDate) =>
        (await scope.Connection.QueryAsync<TicketRow>(
            "SELECT * FROM tickets WHERE hall_id = @hallId AND hall_date < @hallDate AND status IN (@waiting, @called, @serving)",
            new { hallId, hallDate, waiting = (int)TicketStatus.Waiting, called = (int)TicketStatus.Called, serving = (int)TicketStatus.Serving },
            scope.Transaction)).ToList();

    public static Task CancelAsync(WriteScope scope, string id) =>
        scope.Connection.ExecuteAsync("UPDATE tickets SET status = @cancelled WHERE id = @id",
            new { cancelled = (int)TicketStatus.Cancelled, id }, scope.Transaction);
}
