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
    /// <summary>Refuses with 429 while the subject is locked.</summary>
    public async Task EnsureNotLockedAsync(string subject, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var lockedUntil = await connection.ExecuteScalarAsync<long?>(
            "SELECT locked_until FROM login_failures WHERE hall_id = @hall AND subject = @subject",
            new { hall = hall.Current.HallId, subject });
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (lockedUntil is { } until && until > now)
        {
            var minutes = (int)Math.Ceiling((until - now) / 60_000.0);
            throw new QueueRuleException(
                StatusCodes.Status429TooManyRequests, "登录已锁定 Login locked",
                $"密码错误次数过多，请 {minutes} 分钟后再试。Too many wrong attempts; try again in {minutes} minutes.",
                "loginLocked",
                new Dictionary<string, object?> { ["retryAfterSeconds"] = (until - now + 999) / 1000 });
        }
    }

    /// <summary>Counts a wrong password or PIN; the last one allowed locks the subject.</summary>
    public async Task FailedAsync(string subject, CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login subject {Subject} locked for {Minutes} minutes after repeated failures")]
    private partial void LogLocked(string subject, int minutes);
}
