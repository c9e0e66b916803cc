using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Security;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>A clerk logged in at a window. The bearer token itself is never stored, only its SHA-256.</summary>
public sealed record ClerkSession(string Id, int WindowNumber, string StaffCode, string Post);

/// <summary>Window login (staff number + PIN, A-post or B-post), logout, and bearer-token checks.</summary>
public sealed class ClerkSessions(
    QueueDatabase database,
    HallCatalogHolder hall,
    HallEventPublisher publisher,
    TimeProvider time)
{
    public async Task<LoginResponse> LoginAsync(int windowNumber, LoginRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var window = catalog.FindWindow(windowNumber)
            ?? throw QueueRuleException.NotFound("unknownWindow", $"没有 {windowNumber} 号窗口。There is no window {windowNumber}.");
        if (string.IsNullOrWhiteSpace(request.StaffCode) || string.IsNullOrEmpty(request.Pin))
        {
            throw QueueRuleException.BadRequest("credentialsRequired", "请输入工号和密码。Staff number and PIN are required.");
        }
        var clerk = catalog.FindClerk(request.StaffCode.Trim());
        if (clerk?.PinHash is null || !PinHasher.Verify(request.Pin, clerk.PinHash))
        {
            throw QueueRuleException.Unauthorized("wrongCredentials", "工号或密码错误。Wrong staff number or PIN.");
        }
        var post = clerk.APostWindows.Contains(windowNumber) ? "A" : clerk.BPostWindows.Contains(windowNumber) ? "B" : null;
        if (post is null)
        {
            throw QueueRuleException.Forbidden("notAssigned", $"{clerk.Name}（{clerk.StaffCode}）不是 {window.Name} 的A岗或B岗人员。This clerk is not assigned to window {windowNumber}.");
        }

        var now = time.GetUtcNow();
        var hallDate = catalog.HallDate(now).ToKey();
        var token = BearerTokens.New();
        var session = new ClerkSession(Guid.CreateVersion7(now).ToString("D"), windowNumber, clerk.StaffCode, post);
        var changedWindows = new List<int> { windowNumber };

        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var state = await WindowStates.LockAsync(scope, database, catalog.HallId, windowNumber, now);
            var busy = state.CurrentTicketId is not null || state.HeldTicketId is not null;
            if (state.SessionId is not null && state.StaffCode != clerk.StaffCode && busy)
            {
                throw QueueRuleException.Conflict("windowBusy", $"{window.Name} 有正在办理的业务，请原工作人员办结后退出再登录。The window has a ticket in progress.");
            }

            // A clerk is at one window at a time: an idle session elsewhere ends; a busy one blocks.
            var elsewhere = await scope.Connection.QueryAsync<int>(
                "SELECT window_number FROM window_states WHERE hall_id = @hall AND staff_code = @staff AND window_number <> @window",
                new { hall = catalog.HallId, staff = clerk.StaffCode, window = windowNumber }, scope.Transaction);
            foreach (var other in elsewhere)
            {
                var otherState = await WindowStates.LockAsync(scope, database, catalog.HallId, other, now);
                if (otherState.CurrentTicketId is not null || otherState.HeldTicketId is not null)
                {
                    throw QueueRuleException.Conflict("busyElsewhere", $"您在 {other} 号窗口还有正在办理的业务，请先办结。You have a ticket in progress at window {other}.");
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
            var newState = busy ? state.State : state.StateValue == WindowState.Paused ? (int)WindowState.Paused : (int)WindowState.Idle;
            await scope.Connection.ExecuteAsync(
                """
                UPDATE window_states SET session_id = @session, staff_code = @staff, post = @post, state = @state, changed_at = @now
                WHERE hall_id = @hall AND window_number = @window
                """,
                new { session = session.Id, staff = clerk.StaffCode, post, state = newState, now = now.ToUnixMs(), hall = catalog.HallId, window = windowNumber },
                scope.Transaction);
            await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Login, now, hallDate,
                actor with { StaffCode = clerk.StaffCode, WindowNumber = windowNumber }, detail: "post=" + post);
            await scope.CommitAsync(cancellationToken);
        }

        await publisher.PublishAsync([.. changedWindows.Select(n => new WindowChangedEvent(n)), new QueueChangedEvent()], cancellationToken);
        return new LoginResponse(token, windowNumber, new ClerkBadge(clerk.StaffCode, clerk.Name, clerk.Unit, post));
    }

    public async Task LogoutAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var state = await WindowStates.LockAsync(scope, database, catalog.HallId, session.WindowNumber, now);
            WindowStates.RequireSession(state, session);
            if (state.CurrentTicketId is not null || state.HeldTicketId is not null)
            {
                throw QueueRuleException.Conflict("ticketInProgress", "还有正在办理或挂起的号，请先办结或过号再退出。Finish the ticket in progress before logging out.");
            }
            await EndSessionAsync(scope, catalog, state, now, catalog.HallDate(now).ToKey(), actor, null);
            await scope.CommitAsync(cancellationToken);
        }
        await publisher.PublishAsync([new WindowChangedEvent(session.WindowNumber), new QueueChangedEvent()], cancellationToken);
    }

    /// <summary>The open session a bearer token belongs to, or null.</summary>
    public async Task<ClerkSession?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            "SELECT id, window_number, staff_code, post FROM window_sessions WHERE token_hash = @hash AND hall_id = @hall AND ended_at IS NULL",
            new { hash = BearerTokens.Hash(token), hall = hall.Current.HallId });
        return row is null ? null : new ClerkSession(row.Id, row.WindowNumber, row.StaffCode, row.Post);
    }

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
        await scope.Connection.ExecuteAsync(
            """
            UPDATE window_states SET session_id = NULL, staff_code = NULL, post = NULL, state = @closed, pause_reason = NULL, changed_at = @now
            WHERE hall_id = @hall AND window_number = @window
            """,
            new { closed = (int)WindowState.Closed, now = now.ToUnixMs(), hall = catalog.HallId, window = state.WindowNumber }, scope.Transaction);
        await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Logout, now, hallDate,
            actor with { StaffCode = state.StaffCode, WindowNumber = state.WindowNumber }, detail: detail);
    }
}
