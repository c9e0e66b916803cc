using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Security;

/// <summary>
/// Ends the logins a hall change makes stale: the window and supervision sessions of every clerk whose PIN changed.
/// (A clerk removed from a window or the hall, or no longer a supervisor, is refused at the next use: the token checks
/// read the hall.) Done in the change's own transaction, so every instance refuses the old token at once.
/// </summary>
public static class SessionEnds
{
    public static async Task EndChangedPinSessionsAsync(WriteScope scope, HallDefinition before, HallDefinition after, DateTimeOffset now)
    {
        var previous = before.Clerks.ToDictionary(c => c.StaffCode, c => c.PinHash);
        var changed = after.Clerks
            .Where(c => previous.TryGetValue(c.StaffCode, out var old) && old != c.PinHash)
            .Select(c => c.StaffCode)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }
        var arguments = new { hall = after.Id, staff = changed.ToArray(), now = now.ToUnixMs() };
        var among = scope.Dialect.In("@staff");
        foreach (var table in new[] { "window_sessions", "supervisor_sessions" })
        {
            await scope.Connection.ExecuteAsync(
                $"UPDATE {table} SET ended_at = @now WHERE hall_id = @hall AND ended_at IS NULL AND staff_code {among}", arguments, scope.Transaction);
        }
    }
}
