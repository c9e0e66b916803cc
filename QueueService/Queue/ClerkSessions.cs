using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue.Tables;
using Hall.QueueService.Security;
using Hall.QueueService.Storage;
using Hall.QueueService.Supervision.TemporaryPosts;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Queue;

/// <summary>A clerk logged in at a window. The bearer token itself is never stored, only its SHA-256.</summary>
public sealed record ClerkSession(string Id, int WindowNumber, string StaffCode, string Post);

/// <summary>Window login (staff number + PIN, A-post or B-post), logout, and bearer-token checks.</summary>
public sealed class ClerkSessions(
    QueueDatabase database,
    HallCatalogHolder hall,
    HallEventPublisher publisher,
    IOptions<SecurityOptions> security,
    TimeProvider time)
{
    public async Task<LoginResponse> LoginAsync(int windowNumber, LoginRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var window = catalog.FindWindow(windowNumber)
            ?? throw QueueProblems.UnknownWindow(windowNumber);
        if (string.IsNullOrWhiteSpace(request.StaffCode) || string.IsNullOrEmpty(request.Pin))
        {
            throw QueueProblems.CredentialsRequired();
        }
        var clerk = catalog.FindClerk(request.StaffCode.Trim());
        if (clerk?.PinHash is null || !PinHasher.Verify(request.Pin, clerk.PinHash))
        {
            throw QueueProblems.WrongCredentials();
        }
        var now = time.GetUtcNow();
        var post = clerk.APostWindows.Contains(windowNumber) ? "A" : clerk.BPostWindows.Contains(windowNumber) ? "B" : null;
        if (post is null && await HoldsTemporaryPostAsync(catalog.HallId, clerk.StaffCode, windowNumber, now, cancellationToken))
        {
            post = TemporaryPost;
        }
        if (post is null)
        {
            throw QueueProblems.NotAssigned(clerk.Name, clerk.StaffCode, window.Name, windowNumber);
        }

        var hallDate = catalog.HallDate(now).ToKey();
        var token = BearerTokens.New();
        var session = new ClerkSession(Guid.CreateVersion7(now).ToString("D"), windowNumber, clerk.StaffCode, post);
        var changedWindows = new List<int> { windowNumber };

        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var state = await WindowStatesTable.LockAsync(scope, catalog.HallId, windowNumber, now);
            var busy = state.CurrentTicketId is not null || state.HeldTicketId is not null;
            if (state.SessionId is not null && state.StaffCode != clerk.StaffCode && busy)
            {
                throw QueueProblems.WindowBusy(window.Name, windowNumber);
            }

            // A clerk is at one window at a time: an idle session elsewhere ends; a busy one blocks.
            var elsewhere = await WindowStatesTable.WindowsOfClerkAsync(scope, catalog.HallId, clerk.StaffCode, windowNumber);
            foreach (var other in elsewhere)
            {
                var otherState = await WindowStatesTable.LockAsync(scope, catalog.HallId, other, now);
                if (otherState.CurrentTicketId is not null || otherState.HeldTicketId is not null)
                {
                    throw QueueProblems.BusyElsewhere(other);
                }
                await EndSessionAsync(scope, catalog, otherState, now, hallDate, actor with { StaffCode = clerk.StaffCode, WindowNumber = other }, "moved to window " + windowNumber);
                changedWindows.Add(other);
            }
            if (state.SessionId is not null)
            {
                await scope.Connection.ExecuteAsync("UPDATE window_sessions SET ended_at = @now WHERE id = @id AND ended_at IS NULL",
                    new { now = now.ToUnixMs(), id = state.SessionId }, scope.Transaction);
            }

            await scope.Connection.ExecuteAsync(
                """
                INSERT INTO window_sessions (id, hall_id, window_number, staff_code, post, token_hash, started_at)
                VALUES (@id, @hall, @window, @staff, @post, @tokenHash, @now)
                """,
                new { id = session.Id, hall = catalog.HallId, window = windowNumber, staff = clerk.StaffCode, post, tokenHash = BearerTokens.Hash(token), now = now.ToUnixMs() },
                scope.Transaction);
            var newState = busy ? state.StateValue : state.StateValue == WindowState.Paused ? WindowState.Paused : WindowState.Idle;
            await WindowStatesTable.OpenSessionAsync(scope, catalog.HallId, windowNumber, session, newState, now);
            await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Login, now, hallDate,
                actor with { StaffCode = clerk.StaffCode, WindowNumber = windowNumber }, detail: "post=" + post);
            await scope.CommitAsync(cancellationToken);
        }

        await publisher.PublishAsync([.. changedWindows.Select(n => new WindowChangedEvent(n)), new QueueChangedEvent()], cancellationToken);
        return new LoginResponse(token, windowNumber, new ClerkBadge(clerk.StaffCode, clerk.Name, clerk.Unit, post, clerk.Title, clerk.PhotoUrl), clerk.MustChangePin);
    }

    public async Task LogoutAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var state = await WindowStatesTable.LockAsync(scope, catalog.HallId, session.WindowNumber, now);
            RequireCurrent(state, session);
            if (state.CurrentTicketId is not null || state.HeldTicketId is not null)
            {
                throw QueueProblems.TicketInProgress();
            }
            await EndSessionAsync(scope, catalog, state, now, catalog.HallDate(now).ToKey(), actor, null);
            await scope.CommitAsync(cancellationToken);
        }
        await publisher.PublishAsync([new WindowChangedEvent(session.WindowNumber), new QueueChangedEvent()], cancellationToken);
    }

    /// <summary>
    /// The open session a bearer token belongs to, or null: not after logout or a PIN change (the session is ended),
    /// nor after <see cref="SecurityOptions.ClerkTokenHours"/>, nor once the clerk is no longer at that post of the hall.
    /// </summary>
    public async Task<ClerkSession?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var earliest = time.GetUtcNow().AddHours(-security.Value.ClerkTokenHours).ToUnixMs();
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            """
            SELECT id, window_number, staff_code, post FROM window_sessions
            WHERE token_hash = @hash AND hall_id = @hall AND ended_at IS NULL AND started_at > @earliest
            """,
            new { hash = BearerTokens.Hash(token), hall = catalog.HallId, earliest });
        if (row is null || !StillAssigned(catalog, row))
        {
            return null;
        }
        // A login under a temporary post (临时顶岗) ends with the post.
        if (row.Post == TemporaryPost && !await TemporaryPostsTable.IsActiveAsync(connection, null, catalog.HallId, row.StaffCode, row.WindowNumber, time.GetUtcNow().ToUnixMs()))
        {
            return null;
        }
        return new ClerkSession(row.Id, row.WindowNumber, row.StaffCode, row.Post);
    }

    /// <summary>The post a login under a supervisor's grant is recorded with.</summary>
    public const string TemporaryPost = "temporary";

    private async Task<bool> HoldsTemporaryPostAsync(string hallId, string staffCode, int windowNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await TemporaryPostsTable.IsActiveAsync(connection, null, hallId, staffCode, windowNumber, now.ToUnixMs());
    }

    private static bool StillAssigned(HallCatalog catalog, SessionRow row) =>
        catalog.FindClerk(row.StaffCode) is { } clerk
        && (row.Post == "A" ? clerk.APostWindows : row.Post == "B" ? clerk.BPostWindows : [row.WindowNumber]).Contains(row.WindowNumber);

    /// <summary>The open session of a window (for a hardware caller acting for the clerk logged in there), or null.</summary>
    public async Task<ClerkSession?> FindOpenSessionAsync(int windowNumber, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            """
            SELECT s.id, s.window_number, s.staff_code, s.post FROM window_states w
            JOIN window_sessions s ON s.id = w.session_id
            WHERE w.hall_id = @hall AND w.window_number = @window AND s.ended_at IS NULL
            """,
            new { hall = hall.Current.HallId, window = windowNumber });
        return row is null ? null : new ClerkSession(row.Id, row.WindowNumber, row.StaffCode, row.Post);
    }

    /// <summary>The session acting must still be the window's: a newer login or a logout ends older tokens.</summary>
    public static void RequireCurrent(WindowStateRow state, ClerkSession session)
    {
        if (state.SessionId != session.Id)
        {
            throw QueueProblems.SessionEnded();
        }
    }

    private sealed class SessionRow
    {
        public string Id { get; set; } = "";
        public int WindowNumber { get; set; }
        public string StaffCode { get; set; } = "";
        public string Post { get; set; } = "";
    }

    private static async Task EndSessionAsync(WriteScope scope, HallCatalog catalog, WindowStateRow state, DateTimeOffset now, string hallDate, Actor actor, string? detail)
    {
        await scope.Connection.ExecuteAsync("UPDATE window_sessions SET ended_at = @now WHERE id = @id AND ended_at IS NULL",
            new { now = now.ToUnixMs(), id = state.SessionId }, scope.Transaction);
        await WindowStatesTable.CloseSessionAsync(scope, catalog.HallId, state.WindowNumber, now);
        await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Logout, now, hallDate,
            actor with { StaffCode = state.StaffCode, WindowNumber = state.WindowNumber }, detail: detail);
    }
}
