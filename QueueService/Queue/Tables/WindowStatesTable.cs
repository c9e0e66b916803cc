using System.Data.Common;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue.Tables;

/// <summary>
/// Every statement on <c>window_states</c>, the live state of each window (who is logged in, the ticket at the
/// counter, the ticket set aside, the last ticket finished for the evaluator). The desk and the sessions decide what
/// changes; this names the few ways a row can change.
/// </summary>
public static class WindowStatesTable
{
    /// <summary>Gives every window of the hall a state row (closed) if it has none yet: at start and when windows are added.</summary>
    public static async Task EnsureRowsAsync(WriteScope scope, string hallId, IEnumerable<int> windowNumbers, DateTimeOffset now)
    {
        foreach (var number in windowNumbers)
        {
            await EnsureRowAsync(scope, hallId, number, now);
        }
    }

    /// <summary>The window's row, created closed on first use, locked for this transaction (PostgreSQL).</summary>
    public static async Task<WindowStateRow> LockAsync(WriteScope scope, string hallId, int windowNumber, DateTimeOffset now)
    {
        await EnsureRowAsync(scope, hallId, windowNumber, now);
        return await scope.Connection.QuerySingleAsync<WindowStateRow>(
            "SELECT * FROM window_states WHERE hall_id = @hallId AND window_number = @windowNumber" + scope.Dialect.ForUpdate,
            new { hallId, windowNumber }, scope.Transaction);
    }

    /// <summary>Every window's row, locked in window order (a hall change waits for the desks, and they for it).</summary>
    public static async Task<IReadOnlyList<WindowStateRow>> LockAllAsync(WriteScope scope, string hallId) =>
        (await scope.Connection.QueryAsync<WindowStateRow>(
            "SELECT * FROM window_states WHERE hall_id = @hallId ORDER BY window_number" + scope.Dialect.ForUpdate,
            new { hallId }, scope.Transaction)).ToList();

    public static async Task<IReadOnlyList<WindowStateRow>> AllAsync(DbConnection connection, string hallId) =>
        (await connection.QueryAsync<WindowStateRow>("SELECT * FROM window_states WHERE hall_id = @hallId", new { hallId })).ToList();

    /// <summary>The windows open for service (idle, calling or serving; not closed, not paused).</summary>
    public static async Task<IReadOnlySet<int>> ServingWindowsAsync(DbConnection connection, DbTransaction? transaction, string hallId) =>
        (await connection.QueryAsync<int>(
            "SELECT window_number FROM window_states WHERE hall_id = @hallId AND state IN (@idle, @calling, @serving)",
            new { hallId, idle = (int)WindowState.Idle, calling = (int)WindowState.Calling, serving = (int)WindowState.Serving },
            transaction)).ToHashSet();

    /// <summary>The windows with anyone logged in (paused ones too).</summary>
    public static long CountStaffed(DbConnection connection, string hallId) =>
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM window_states WHERE hall_id = @hallId AND state <> @closed",
            new { hallId, closed = (int)WindowState.Closed });

    /// <summary>Other windows where a clerk is logged in.</summary>
    public static async Task<IReadOnlyList<int>> WindowsOfClerkAsync(WriteScope scope, string hallId, string staffCode, int exceptWindow) =>
        (await scope.Connection.QueryAsync<int>(
            "SELECT window_number FROM window_states WHERE hall_id = @hallId AND staff_code = @staffCode AND window_number <> @exceptWindow",
            new { hallId, staffCode, exceptWindow }, scope.Transaction)).ToList();

    /// <summary>A clerk's session takes the window, in the given state.</summary>
    public static Task OpenSessionAsync(WriteScope scope, string hallId, int windowNumber, ClerkSession session, WindowState state, DateTimeOffset now) =>
        scope.Connection.ExecuteAsync(
            """
            UPDATE window_states SET session_id = @session, staff_code = @staff, post = @post, state = @state, changed_at = @now
            WHERE hall_id = @hallId AND window_number = @windowNumber
            """,
            new { session = session.Id, staff = session.StaffCode, post = session.Post, state = (int)state, now = now.ToUnixMs(), hallId, windowNumber },
            scope.Transaction);

    /// <summary>The clerk leaves: the window closes.</summary>
    public static Task CloseSessionAsync(WriteScope scope, string hallId, int windowNumber, DateTimeOffset now) =>
        scope.Connection.ExecuteAsync(
            """
            UPDATE window_states SET session_id = NULL, staff_code = NULL, post = NULL, state = @closed, pause_reason = NULL, changed_at = @now
            WHERE hall_id = @hallId AND window_number = @windowNumber
            """,
            new { closed = (int)WindowState.Closed, now = now.ToUnixMs(), hallId, windowNumber }, scope.Transaction);

    /// <summary>What the window is doing and which ticket is at its counter (null: none); a call also sets the priority streak.</summary>
    public static Task ShowAsync(WriteScope scope, string hallId, int windowNumber, WindowState state, string? currentTicketId, DateTimeOffset now,
        int? priorityStreak = null) =>
        scope.Connection.ExecuteAsync(
            """
            UPDATE window_states SET state = @state, current_ticket_id = @currentTicketId, priority_streak = COALESCE(@priorityStreak, priority_streak),
                changed_at = @now
            WHERE hall_id = @hallId AND window_number = @windowNumber
            """,
            new { state = (int)state, currentTicketId, priorityStreak, now = now.ToUnixMs(), hallId, windowNumber }, scope.Transaction);

    /// <summary>Pauses the window with a reason, or (with <see cref="WindowState.Idle"/> and no reason) resumes it.</summary>
    public static Task SetPauseAsync(WriteScope scope, string hallId, int windowNumber, WindowState state, string? reason, DateTimeOffset now) =>
        scope.Connection.ExecuteAsync(
            "UPDATE window_states SET state = @state, pause_reason = @reason, changed_at = @now WHERE hall_id = @hallId AND window_number = @windowNumber",
            new { state = (int)state, reason, now = now.ToUnixMs(), hallId, windowNumber }, scope.Transaction);

    /// <summary>Sets a ticket aside at the window (挂起), or (null) takes it back.</summary>
    public static Task SetHeldAsync(WriteScope scope, string hallId, int windowNumber, string? heldTicketId) =>
        scope.Connection.ExecuteAsync(
            "UPDATE window_states SET held_ticket_id = @heldTicketId WHERE hall_id = @hallId AND window_number = @windowNumber",
            new { heldTicketId, hallId, windowNumber }, scope.Transaction);

    /// <summary>The ticket the window's evaluator rates next, and when it was finished (the rating time-out counts from then).</summary>
    public static Task RecordFinishedAsync(WriteScope scope, string hallId, int windowNumber, string ticketId, DateTimeOffset now) =>
        scope.Connection.ExecuteAsync(
            "UPDATE window_states SET last_finished_ticket_id = @ticketId, last_finished_at = @now WHERE hall_id = @hallId AND window_number = @windowNumber",
            new { ticketId, now = now.ToUnixMs(), hallId, windowNumber }, scope.Transaction);

    /// <summary>
    /// Frees the windows still holding tickets that day end cancelled: a logged-in window becomes idle (a paused one
    /// stays paused), one nobody is logged in at closes.
    /// </summary>
    public static Task ReleaseCancelledTicketsAsync(WriteScope scope, string hallId, string beforeHallDate) =>
        scope.Connection.ExecuteAsync(
            """
            UPDATE window_states SET current_ticket_id = NULL, held_ticket_id = NULL,
                state = CASE WHEN session_id IS NULL THEN @closed WHEN state = @paused THEN @paused ELSE @idle END
            WHERE hall_id = @hallId AND (current_ticket_id IN (SELECT id FROM tickets WHERE status = @cancelled AND hall_date < @beforeHallDate)
                                      OR held_ticket_id IN (SELECT id FROM tickets WHERE status = @cancelled AND hall_date < @beforeHallDate))
            """,
            new
            {
                hallId,
                beforeHallDate,
                closed = (int)WindowState.Closed,
                paused = (int)WindowState.Paused,
                idle = (int)WindowState.Idle,
                cancelled = (int)TicketStatus.Cancelled,
            },
            scope.Transaction);

    private static Task<int> EnsureRowAsync(WriteScope scope, string hallId, int windowNumber, DateTimeOffset now) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO window_states (hall_id, window_number, state, priority_streak, changed_at) VALUES (@hallId, @windowNumber, @closed, 0, @now)
            ON CONFLICT (hall_id, window_number) DO NOTHING
            """,
            new { hallId, windowNumber, closed = (int)WindowState.Closed, now = now.ToUnixMs() }, scope.Transaction);
}
