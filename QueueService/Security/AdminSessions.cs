using System.Security.Cryptography;
using System.Text;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Security;

/// <summary>An administrator logged in to the administration page.</summary>
public sealed record AdminSession(string Id, string User);

/// <summary>What the administrator's login answers: the bearer token the page keeps, and when it ends.</summary>
public sealed record AdminLogin(string Token, string User, DateTimeOffset ExpiresAt);

/// <summary>The administration page's login: user name and password, as HTTP Basic takes them.</summary>
public sealed record AdminLoginRequest(string? User, string? Password);

/// <summary>
/// The administration page's sessions, owner of the <c>admin_sessions</c> table. The page keeps a bearer token
/// instead of the browser's cached HTTP Basic login, so a form on another site has no credential to ride on. A session
/// ends at logout, after <see cref="AdminOptions.SessionHours"/>, and when the administrator's password setting
/// changes (each row keeps a mark of the setting it was made with). The database holds them, so every instance
/// accepts them; only the token's SHA-256 is stored.
/// </summary>
public sealed class AdminSessions(QueueDatabase database, HallCatalogHolder hall, IOptions<AdminOptions> options, TimeProvider time)
{
    /// <summary>Starts a session for an administrator whose password has been checked.</summary>
    public async Task<AdminLogin> StartAsync(string user, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        var expires = now.AddHours(options.Value.SessionHours);
        var token = BearerTokens.New();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO admin_sessions (id, hall_id, user_name, token_hash, password_mark, started_at, expires_at)
            VALUES (@id, @hall, @user, @hash, @mark, @now, @expires)
            """,
            new
            {
                id = Guid.CreateVersion7(now).ToString("D"), hall = catalog.HallId, user, hash = BearerTokens.Hash(token),
                mark = PasswordMark(options.Value), now = now.ToUnixMs(), expires = expires.ToUnixMs(),
            },
            scope.Transaction);
        await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Login, now, catalog.HallDate(now).ToKey(),
            new Actor("admin", user), detail: "role=administrator");
        await scope.CommitAsync(cancellationToken);
        return new AdminLogin(token, user, catalog.ToOffset(expires));
    }

    /// <summary>The open, unexpired session of a bearer token made with today's password setting, or null.</summary>
    public async Task<AdminSession?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string User)?>(
            """
            SELECT id, user_name FROM admin_sessions
            WHERE token_hash = @hash AND hall_id = @hall AND password_mark = @mark AND ended_at IS NULL AND expires_at > @now
            """,
            new { hash = BearerTokens.Hash(token), hall = hall.Current.HallId, mark = PasswordMark(options.Value), now = time.GetUtcNow().ToUnixMs() });
        // A renamed administrator (Admin:User) loses the session too.
        return row is { } r && r.User == options.Value.User ? new AdminSession(r.Id, r.User) : null;
    }

    public async Task EndAsync(string sessionId, string user, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var ended = await scope.Connection.ExecuteAsync("UPDATE admin_sessions SET ended_at = @now WHERE id = @id AND ended_at IS NULL",
            new { id = sessionId, now = now.ToUnixMs() }, scope.Transaction);
        if (ended > 0)
        {
            await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Logout, now, catalog.HallDate(now).ToKey(),
                new Actor("admin", user), detail: "role=administrator");
        }
        await scope.CommitAsync(cancellationToken);
    }

    /// <summary>A fingerprint of the password setting (a hash of the hash, or of the demo/plain password), never the password itself.</summary>
    private static string PasswordMark(AdminOptions o) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(o.PasswordHash ?? ("plain:" + (o.Password ?? AdminOptions.DemoPassword)))));
}
