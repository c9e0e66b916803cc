using System.Data.Common;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Archiving;

/// <summary>
/// Moves whole hall days from the live tables into the archive tables, one write transaction per day: the rows are
/// copied and deleted together or not at all, so a crash loses or doubles nothing and a second run finds nothing
/// left to move. A day is moved only when it lies before today and nothing of it is still in play: no ticket
/// waiting, called or serving, none held by a window, none a window's evaluator could still rate.
/// </summary>
public sealed partial class DayArchiver(QueueDatabase database, HallCatalogHolder hall, TimeProvider time, ILogger<DayArchiver> logger) : IDisposable
{
    /// <summary>Serialises PostgreSQL archivers of every instance on the database (the SQLite writer is alone anyway).</summary>
    private const long ArchiveLock = 4242007;

    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);
    private IReadOnlyDictionary<ArchivedTable, string>? _columns;

    /// <summary>Archives every hall day strictly before <paramref name="before"/>, and never today or a later day.</summary>
    public Task<ArchiveRun> ArchiveBeforeAsync(DateOnly before, CancellationToken cancellationToken = default) =>
        ArchiveBeforeAsync(before, administrator: null, cancellationToken);

    /// <param name="before">The first hall day left live.</param>
    /// <param name="administrator">Who asked, for the event record; null for the daily archiving.</param>
    /// <param name="cancellationToken">Stops between days.</param>
    public async Task<ArchiveRun> ArchiveBeforeAsync(DateOnly before, string? administrator, CancellationToken cancellationToken)
    {
        await _oneRunAtATime.WaitAsync(cancellationToken);
        try
        {
            var catalog = hall.Current;
            var today = catalog.HallDate(time.GetUtcNow());
            var limit = (before < today ? before : today).ToKey();
            var columns = await ColumnsAsync(cancellationToken);
            var archived = new List<ArchivedDay>();
            var skipped = new List<SkippedDay>();
            foreach (var day in await DaysBeforeAsync(catalog.HallId, limit, cancellationToken))
            {
                switch (await ArchiveDayAsync(catalog, day, columns, administrator, cancellationToken))
                {
                    case ArchivedDay moved:
                        archived.Add(moved);
                        LogArchived(moved.Date, moved.Tickets, moved.Events);
                        break;
                    case SkippedDay left:
                        skipped.Add(left);
                        LogSkipped(left.Date, left.Reason);
                        break;
                }
            }
            return new ArchiveRun(limit, archived, skipped);
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    /// <summary>The hall days before <paramref name="limit"/> that still have rows in a live table, oldest first.</summary>
    private async Task<IReadOnlyList<string>> DaysBeforeAsync(string hallId, string limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(
            """
            SELECT hall_date FROM tickets WHERE hall_id = @hall AND hall_date < @limit
            UNION SELECT hall_date FROM events WHERE hall_id = @hall AND hall_date < @limit
            UNION SELECT hall_date FROM ticket_counters WHERE hall_id = @hall AND hall_date < @limit
            ORDER BY 1
            """,
            new { hall = hallId, limit })).ToList();
    }

    /// <returns>An <see cref="ArchivedDay"/>, a <see cref="SkippedDay"/>, or null when another run already moved the day.</returns>
    private async Task<object?> ArchiveDayAsync(HallCatalog catalog, string day, IReadOnlyDictionary<ArchivedTable, string> columns,
        string? administrator, CancellationToken cancellationToken)
    {
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        var args = new
        {
            hall = catalog.HallId,
            day,
            dayEnd = catalog.StartOfDay(date.AddDays(1)).ToUnixMs(),
            ratingOpenSince = (now - TimeSpan.FromSeconds(catalog.Definition.RatingTimeoutSeconds)).ToUnixMs(),
            waiting = (int)TicketStatus.Waiting,
            called = (int)TicketStatus.Called,
            serving = (int)TicketStatus.Serving,
        };
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var connection = scope.Connection;
        // Another instance archives the same day, or a late rating changes one of its tickets: wait for them here,
        // so the copy below reads the rows as they are when they are deleted.
        await scope.Dialect.LockForTransactionAsync(scope, ArchiveLock);
        await connection.QueryAsync<string>("SELECT id FROM tickets WHERE hall_id = @hall AND hall_date = @day" + scope.Dialect.ForUpdate, args, scope.Transaction);

        var unfinished = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM tickets WHERE hall_id = @hall AND hall_date = @day AND status IN (@waiting, @called, @serving)", args, scope.Transaction);
        if (unfinished > 0)
        {
            return new SkippedDay(day, "unfinishedTickets",
                $"{day} 还有 {unfinished} 张票未办结（等候、已呼叫或办理中），日终处理后再归档。{day} still has {unfinished} tickets waiting, called or being served.");
        }
        var held = await connection.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM window_states w
            WHERE w.hall_id = @hall AND (
                w.current_ticket_id IN (SELECT id FROM tickets WHERE hall_id = @hall AND hall_date = @day)
                OR w.held_ticket_id IN (SELECT id FROM tickets WHERE hall_id = @hall AND hall_date = @day)
                OR (w.last_finished_ticket_id IN (SELECT id FROM tickets WHERE hall_id = @hall AND hall_date = @day) AND w.last_finished_at >= @ratingOpenSince))
            """, args, scope.Transaction);
        if (held > 0)
        {
            return new SkippedDay(day, "windowHoldsTicket",
                $"{day} 有票仍在窗口上（当前、暂存或评价中）。A window still holds or may still rate a ticket of {day}.");
        }

        var moved = new Dictionary<ArchivedTable, int>();
        foreach (var table in ArchivedTable.All)
        {
            var list = columns[table];
            var copied = await connection.ExecuteAsync(
                $"INSERT INTO {table.Archive} ({list}) SELECT {list} FROM {table.Live} WHERE {table.DayCondition}", args, scope.Transaction);
            var deleted = await connection.ExecuteAsync($"DELETE FROM {table.Live} WHERE {table.DayCondition}", args, scope.Transaction);
            if (copied != deleted)
            {
                // Rolls back: something wrote to the day between the two statements.
                throw new InvalidOperationException($"Archiving {table.Live} of {day} copied {copied} rows but deleted {deleted}; nothing was moved.");
            }
            moved[table] = copied;
        }
        if (moved.Values.All(n => n == 0))
        {
            return null;
        }
        // The move is on the record too (today's row, so it stays live); the moved rows keep their hashes.
        await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Archived, now, catalog.HallDate(now).ToKey(),
            new Actor(administrator is null ? "archiving" : "admin:" + administrator),
            detail: $"hall day {day}: {moved[ArchivedTable.Tickets]} tickets, {moved[ArchivedTable.Events]} events");
        await scope.CommitAsync(cancellationToken);
        return new ArchivedDay(day, moved[ArchivedTable.Tickets], moved[ArchivedTable.Events], moved[ArchivedTable.TicketCounters],
            moved[ArchivedTable.WindowSessions]);
    }

    /// <summary>
    /// The column list of each live table, read from the database once, after checking that its archive table has the
    /// same columns: a migration that added a column to one and not the other would otherwise lose data silently.
    /// </summary>
    private async Task<IReadOnlyDictionary<ArchivedTable, string>> ColumnsAsync(CancellationToken cancellationToken)
    {
        if (_columns is { } known)
        {
            return known;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var result = new Dictionary<ArchivedTable, string>();
        foreach (var table in ArchivedTable.All)
        {
            var live = await ColumnNamesAsync(connection, table.Live);
            var archive = await ColumnNamesAsync(connection, table.Archive);
            var missing = live.Except(archive, StringComparer.Ordinal).Concat(archive.Except(live, StringComparer.Ordinal)).ToList();
            if (live.Count == 0 || missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The archive table {table.Archive} and the live table {table.Live} differ in the columns {string.Join(", ", missing)}: "
                    + "a migration must give both the same columns before days can be archived.");
            }
            result[table] = string.Join(", ", live);
        }
        _columns = result;
        return result;
    }

    private async Task<IReadOnlyList<string>> ColumnNamesAsync(DbConnection connection, string table) =>
        (await connection.QueryAsync<string>(
            database.Dialect.ColumnNamesQuery,
            new { table })).ToList();

    public void Dispose() => _oneRunAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Archived hall day {Day}: {Tickets} tickets and {Events} events moved out of the live tables")]
    private partial void LogArchived(string day, int tickets, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hall day {Day} stays live for now: {Reason}")]
    private partial void LogSkipped(string day, string reason);
}
