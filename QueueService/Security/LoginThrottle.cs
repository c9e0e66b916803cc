using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Security;

/// <summary>
/// Locks a login subject (the administrator, a clerk's staff code) after repeated wrong passwords or PINs. Counted in
/// the database, so every instance sharing it sees the same count and lock.
/// </summary>
public sealed partial class LoginThrottle(
    QueueDatabase database,
    HallCatalogHolder hall,
    IOptions<AdminOptions> options,
    TimeProvider time,
    ILogger<LoginThrottle> logger)
{
    /// <summary>
    /// Counts the attempt before the secret is checked, in one atomic statement, and refuses with 429 when the subject
    /// is locked or when this attempt is past the allowance: of any number of parallel wrong PINs for one staff code, at
    /// most <see cref="AdminOptions.MaxFailedLogins"/> are checked. A success clears the count (<see cref="SucceededAsync"/>).
    /// </summary>
    public async Task CountAttemptAsync(string subject, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        (int Failures, long? LockedUntil) row;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            // An expired lock starts a fresh count; a live lock keeps its count and its end.
            row = await scope.Connection.QuerySingleAsync<(int, long?)>(
                """
                INSERT INTO login_failures (hall_id, subject, failures, last_failure_at, locked_until)
                VALUES (@hall, @subject, 1, @now, NULL)
                ON CONFLICT (hall_id, subject) DO UPDATE SET
                    failures = CASE WHEN login_failures.locked_until IS NOT NULL AND login_failures.locked_until <= @now THEN 1
                                    WHEN login_failures.locked_until IS NOT NULL THEN login_failures.failures
                                    ELSE login_failures.failures + 1 END,
                    locked_until = CASE WHEN login_failures.locked_until IS NOT NULL AND login_failures.locked_until <= @now THEN NULL
                                        ELSE login_failures.locked_until END,
                    last_failure_at = @now
                RETURNING failures, locked_until
                """,
                new { hall = hall.Current.HallId, subject, now }, scope.Transaction);
            if (row.LockedUntil is null && row.Failures > o.MaxFailedLogins)
            {
                // Past the allowance while the last allowed attempts are still being checked: lock now.
                row.LockedUntil = now + o.LockoutMinutes * 60_000L;
                await scope.Connection.ExecuteAsync(
                    "UPDATE login_failures SET locked_until = @until WHERE hall_id = @hall AND subject = @subject AND locked_until IS NULL",
                    new { hall = hall.Current.HallId, subject, until = row.LockedUntil }, scope.Transaction);
            }
            await scope.CommitAsync(cancellationToken);
        }
        if (row.LockedUntil is { } until && until > now)
        {
            throw Locked(until, now);
        }
    }

    /// <summary>A wrong password or PIN (already counted by <see cref="CountAttemptAsync"/>); the last one allowed locks the subject.</summary>
    public async Task FailedAsync(string subject, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var locked = await scope.Connection.ExecuteAsync(
            """
            UPDATE login_failures SET locked_until = @until
            WHERE hall_id = @hall AND subject = @subject AND failures >= @max AND locked_until IS NULL
            """,
            new { hall = hall.Current.HallId, subject, max = o.MaxFailedLogins, until = now.AddMinutes(o.LockoutMinutes).ToUnixTimeMilliseconds() }, scope.Transaction);
        await scope.CommitAsync(cancellationToken);
        if (locked > 0)
        {
            LogLocked(subject, o.LockoutMinutes);
        }
    }

    /// <summary>Refuses with 429 while the subject is locked (for credentials checked on every request, like HTTP Basic).</summary>
    public async Task EnsureNotLockedAsync(string subject, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var lockedUntil = await connection.ExecuteScalarAsync<long?>(
            "SELECT locked_until FROM login_failures WHERE hall_id = @hall AND subject = @subject",
            new { hall = hall.Current.HallId, subject });
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (lockedUntil is { } until && until > now)
        {
            throw Locked(until, now);
        }
    }

    /// <summary>Counts a wrong password not counted before (see <see cref="EnsureNotLockedAsync"/>); the last one allowed locks the subject.</summary>
    public async Task CountFailureAsync(string subject, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var failures = await scope.Connection.ExecuteScalarAsync<int>(
            """
            INSERT INTO login_failures (hall_id, subject, failures, last_failure_at, locked_until)
            VALUES (@hall, @subject, 1, @now, NULL)
            ON CONFLICT (hall_id, subject) DO UPDATE SET failures = login_failures.failures + 1, last_failure_at = @now
            RETURNING failures
            """,
            new { hall = hall.Current.HallId, subject, now = now.ToUnixTimeMilliseconds() }, scope.Transaction);
        if (failures >= o.MaxFailedLogins)
        {
            await scope.Connection.ExecuteAsync(
                "UPDATE login_failures SET failures = 0, locked_until = @until WHERE hall_id = @hall AND subject = @subject",
                new { hall = hall.Current.HallId, subject, until = now.AddMinutes(o.LockoutMinutes).ToUnixTimeMilliseconds() }, scope.Transaction);
            LogLocked(subject, o.LockoutMinutes);
        }
        await scope.CommitAsync(cancellationToken);
    }

    public async Task SucceededAsync(string subject, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await scope.Connection.ExecuteAsync(
            "DELETE FROM login_failures WHERE hall_id = @hall AND subject = @subject",
            new { hall = hall.Current.HallId, subject }, scope.Transaction);
        await scope.CommitAsync(cancellationToken);
    }

    /// <summary>The 429 of a locked subject, with the minutes left and <c>retryAfterSeconds</c>.</summary>
    private static QueueRuleException Locked(long until, long now)
    {
        var minutes = (int)Math.Ceiling((until - now) / 60_000.0);
        return QueueProblems.LoginLocked(minutes, (until - now + 999) / 1000);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login subject {Subject} locked for {Minutes} minutes after repeated failures")]
    private partial void LogLocked(string subject, int minutes);
}
