using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Security;

/// <summary>A supervisor logged in to supervision.</summary>
public sealed record SupervisorSession(string Id, string StaffCode, string Name);

/// <summary>What a supervisor's login answers: the bearer token for supervision requests and when it ends.</summary>
public sealed record SupervisorLogin(string Token, string StaffCode, string Name, DateTimeOffset ExpiresAt);

/// <summary>
/// Supervisor login (staff number + PIN of a staff member marked <c>supervisor</c> in the hall file), logout and token
/// checks. Sessions end after the hall's <see cref="HallSecurity.SupervisorSessionHours"/>; only the token's SHA-256
/// is stored, and the database holds them so every instance accepts them.
/// </summary>
public sealed class SupervisorSessions(QueueDatabase database, HallCatalogHolder hall, TimeProvider time)
{
    public async Task<SupervisorLogin> LoginAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        if (string.IsNullOrWhiteSpace(request.StaffCode) || string.IsNullOrEmpty(request.Pin))
        {
            throw QueueProblems.CredentialsRequired();
        }
        var staff = catalog.FindClerk(request.StaffCode.Trim());
        if (staff?.PinHash is null || !PinHasher.Verify(request.Pin, staff.PinHash))
        {
            throw QueueProblems.WrongCredentials();
        }
        if (!staff.Supervisor)
        {
            throw QueueProblems.NotSupervisor(staff.Name, staff.StaffCode);
        }
        var now = time.GetUtcNow();
        var expires = now.AddHours(catalog.Definition.Security.SupervisorSessionHours);
        var token = BearerTokens.New();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO supervisor_sessions (id, hall_id, staff_code, token_hash, started_at, expires_at)
            VALUES (@id, @hall, @staff, @hash, @now, @expires)
            """,
            new { id = Guid.CreateVersion7(now).ToString("D"), hall = catalog.HallId, staff = staff.StaffCode, hash = BearerTokens.Hash(token), now = now.ToUnixMs(), expires = expires.ToUnixMs() },
            scope.Transaction);
        await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Login, now, catalog.HallDate(now).ToKey(),
            new Actor("supervision", staff.StaffCode), detail: "role=supervisor");
        await scope.CommitAsync(cancellationToken);
        return new SupervisorLogin(token, staff.StaffCode, staff.Name, catalog.ToOffset(expires));
    }

    /// <summary>The open, unexpired session of a bearer token, or null.</summary>
    public async Task<SupervisorSession?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string StaffCode)?>(
            "SELECT id, staff_code FROM supervisor_sessions WHERE token_hash = @hash AND hall_id = @hall AND ended_at IS NULL AND expires_at > @now",
            new { hash = BearerTokens.Hash(token), hall = catalog.HallId, now = time.GetUtcNow().ToUnixMs() });
        // A staff member no longer marked supervisor (or removed from the hall) loses the session at once.
        return row is { } r && catalog.FindClerk(r.StaffCode) is { Supervisor: true } staff ? new SupervisorSession(r.Id, staff.StaffCode, staff.Name) : null;
    }

    public async Task LogoutAsync(SupervisorSession session, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await scope.Connection.ExecuteAsync("UPDATE supervisor_sessions SET ended_at = @now WHERE id = @id AND ended_at IS NULL",
            new { id = session.Id, now = time.GetUtcNow().ToUnixMs() }, scope.Transaction);
        await scope.CommitAsync(cancellationToken);
    }
}
