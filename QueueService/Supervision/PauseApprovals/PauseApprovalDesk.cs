using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Queue.Tables;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Supervision.PauseApprovals;

/// <summary>
/// Pauses whose reason needs a supervisor's approval (现场勘察, 外出办事): the pause raises a <c>pauseApproval</c> alert at
/// once; a supervisor approves or rejects the window's current pause, an event of the audit chain. An approved pause
/// is not 离岗; a rejected or undecided one is, once past the limit (the documents: a site visit needs approval,
/// otherwise it counts as leaving the post).
/// </summary>
public sealed class PauseApprovalDesk(QueueDatabase database, HallCatalogHolder hall, AlertStore alerts, TimeProvider time)
{
    /// <summary>After a pause: asks the supervisors when its reason needs approval.</summary>
    public async Task RequestIfNeededAsync(int windowNumber, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        PausedWindow? paused;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            paused = (await PendingAsync(connection, catalog)).FirstOrDefault(p => p.WindowNumber == windowNumber);
        }
        if (paused is null)
        {
            return;
        }
        var clerk = paused.StaffCode is { } code ? catalog.FindClerk(code)?.Name ?? code : "";
        await alerts.RaiseAsync(new AlertStore.NewAlert(AlertKinds.PauseApproval, $"pauseApproval:{windowNumber}:{paused.PausedAt.ToUnixMs()}",
            $"{catalog.WindowName(windowNumber)} {clerk} 自 {paused.PausedAt:HH:mm} 暂停：{paused.Reason}，需值班长批准，未批准的按离岗计。",
            $"Window {windowNumber} paused at {paused.PausedAt:HH:mm} for \"{paused.Reason}\", which needs a supervisor's approval; otherwise it counts as leaving the post.",
            windowNumber), cancellationToken);
    }

    public async Task<IReadOnlyList<PausedWindow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await PendingAsync(connection, hall.Current);
    }

    public async Task<PausedWindow> DecideAsync(int windowNumber, PauseDecision decision, string supervisor, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var window = catalog.FindWindow(windowNumber) ?? throw QueueProblems.UnknownWindow(windowNumber);
        if (decision.Approve is not { } approve)
        {
            throw QueueProblems.ApproveRequired();
        }
        var now = time.GetUtcNow();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var state = await WindowStatesTable.LockAsync(scope, catalog.HallId, window.Number, now);
        if (state.StateValue != WindowState.Paused || !PauseReason.NeedsApprovalFor(catalog.Definition.PauseReasons, state.PauseReason))
        {
            throw QueueProblems.NoPauseToApprove(window.Number);
        }
        var earlier = await scope.Connection.QuerySingleOrDefaultAsync<int?>(
            "SELECT approved FROM pause_approvals WHERE hall_id = @hall AND window_number = @window AND paused_at = @pausedAt",
            new { hall = catalog.HallId, window = window.Number, pausedAt = state.ChangedAt }, scope.Transaction);
        if (earlier is { } was)
        {
            throw QueueProblems.PauseAlreadyDecided(window.Number, was == 1);
        }
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO pause_approvals (hall_id, window_number, paused_at, staff_code, reason, approved, decided_by, decided_at)
            VALUES (@hall, @window, @pausedAt, @staff, @reason, @approved, @by, @now)
            """,
            new { hall = catalog.HallId, window = window.Number, pausedAt = state.ChangedAt, staff = state.StaffCode, reason = state.PauseReason,
                approved = approve ? 1 : 0, by = supervisor, now = now.ToUnixMs() }, scope.Transaction);
        await EventLog.AppendAsync(scope, catalog.HallId, approve ? EventKinds.PauseApproved : EventKinds.PauseRejected, now, catalog.HallDate(now).ToKey(),
            new Actor("supervisor:" + supervisor, state.StaffCode, window.Number), detail: state.PauseReason);
        await scope.CommitAsync(cancellationToken);
        return new PausedWindow(window.Number, state.StaffCode, ClerkName(catalog, state.StaffCode), state.PauseReason!, catalog.ToOffset(TimeConversions.FromUnixMs(state.ChangedAt)),
            approve ? "approved" : "rejected", supervisor);
    }

    /// <summary>Windows paused now for a reason that needs approval, with the decision so far.</summary>
    private static async Task<IReadOnlyList<PausedWindow>> PendingAsync(System.Data.Common.DbConnection connection, HallCatalog catalog)
    {
        var rows = await connection.QueryAsync<(long WindowNumber, string? StaffCode, string? Reason, long ChangedAt, long? Approved, string? DecidedBy)>(
            """
            SELECT w.window_number, w.staff_code, w.pause_reason, w.changed_at, p.approved, p.decided_by
            FROM window_states w LEFT JOIN pause_approvals p
              ON p.hall_id = w.hall_id AND p.window_number = w.window_number AND p.paused_at = w.changed_at
            WHERE w.hall_id = @hall AND w.state = @paused
            ORDER BY w.window_number
            """, new { hall = catalog.HallId, paused = (int)WindowState.Paused });
        return rows.Where(r => PauseReason.NeedsApprovalFor(catalog.Definition.PauseReasons, r.Reason))
            .Select(r => new PausedWindow((int)r.WindowNumber, r.StaffCode, ClerkName(catalog, r.StaffCode), r.Reason!, catalog.ToOffset(TimeConversions.FromUnixMs(r.ChangedAt)),
                r.Approved switch { 1 => "approved", 0 => "rejected", _ => "pending" }, r.DecidedBy))
            .ToList();
    }

    private static string? ClerkName(HallCatalog catalog, string? staffCode) => staffCode is null ? null : catalog.FindClerk(staffCode)?.Name;
}

/// <summary>A window paused for a reason that needs approval; <c>decision</c> is pending, approved or rejected.</summary>
public sealed record PausedWindow(int WindowNumber, string? StaffCode, string? ClerkName, string Reason, DateTimeOffset PausedAt, string Decision, string? DecidedBy);

/// <summary><c>POST /api/supervision/pause-approvals/{windowNumber}</c>.</summary>
public sealed record PauseDecision(bool? Approve);
