using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>Reading and locking a window's live state row inside a write transaction.</summary>
public static class WindowStates
{
    /// <summary>The window's row, created closed on first use, locked for this transaction (PostgreSQL).</summary>
    /// <summary>Gives every window of the hall a state row (closed) if it has none yet: at start and when windows are added.</summary>
    public static async Task EnsureRowsAsync(WriteScope scope, string hallId, IEnumerable<int> windowNumbers, DateTimeOffset now)
    {
        foreach (var number in windowNumbers)
        {
            await scope.Connection.ExecuteAsync(
                """
                INSERT INTO window_states (hall_id, window_number, state, priority_streak, changed_at) VALUES (@hall, @number, @closed, 0, @now)
                ON CONFLICT (hall_id, window_number) DO NOTHING
                """,
                new { hall = hallId, number, closed = (int)WindowState.Closed, now = now.ToUnixMs() }, scope.Transaction);
        }
    }

    public static async Task<WindowStateRow> LockAsync(WriteScope scope, QueueDatabase database, string hallId, int windowNumber, DateTimeOffset now)
    {
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO window_states (hall_id, window_number, state, priority_streak, changed_at) VALUES (@hallId, @windowNumber, @closed, 0, @now)
            ON CONFLICT (hall_id, window_number) DO NOTHING
            """,
            new { hallId, windowNumber, closed = (int)WindowState.Closed, now = now.ToUnixMs() }, scope.Transaction);
        return await scope.Connection.QuerySingleAsync<WindowStateRow>(
            "SELECT * FROM window_states WHERE hall_id = @hallId AND window_number = @windowNumber" + database.ForUpdate,
            new { hallId, windowNumber }, scope.Transaction);
    }

    /// <summary>The session acting must still be the window's: a newer login or a logout ends older tokens.</summary>
    public static void RequireSession(WindowStateRow state, ClerkSession session)
    {
        if (state.SessionId != session.Id)
        {
            throw QueueRuleException.Unauthorized("sessionEnded", "您的登录已失效（已退出或在别处登录），请重新登录。Your session has ended; please log in again.");
        }
    }
}
