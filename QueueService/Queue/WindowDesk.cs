using Dapper;
using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>
/// What a clerk does at a window: call next, recall, start, finish, no-show, transfer, hold and call back, call a
/// given number, pause and resume. One ticket at a window at a time; only the window's logged-in clerk acts there.
/// Each action is one transaction that changes the state and writes its event row; hub messages follow the commit.
/// </summary>
public sealed class WindowDesk(
    QueueDatabase database,
    HallCatalogHolder hall,
    HallEventPublisher publisher,
    TimeProvider time)
{
    /// <summary>Calls the next ticket, or returns null when nobody waits for this window.</summary>
    public Task<TicketView?> CallNextAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync<TicketView?>(session, actor, async desk =>
        {
            RequireFree(desk);
            // Under PostgreSQL another instance may take the same ticket between select and update: try again.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var next = await NextTicketSelector.FindAsync(desk.Scope, database, desk.Catalog, desk.Window, desk.State.PriorityStreak, desk.Now, desk.HallDate);
                if (next is null)
                {
                    return null;
                }
                var isPriority = NextTicketSelector.ClassOf(next, desk.Now) != NextTicketSelector.NormalClass;
                if (await TryCallAsync(desk, next, TicketStatus.Waiting, EventKinds.Called, isPriority ? desk.State.PriorityStreak + 1 : 0, null))
                {
                    return HallQueries.View(desk.Catalog, next);
                }
            }
            throw QueueRuleException.Conflict("busy", "叫号繁忙，请重试。The queue is busy; please try again.");
        }, cancellationToken);

    /// <summary>Calls a given waiting number (叫指定号), e.g. a citizen who comes to the counter with it.</summary>
    public Task<TicketView> CallNumberAsync(ClerkSession session, string? number, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            RequireFree(desk);
            if (string.IsNullOrWhiteSpace(number))
            {
                throw QueueRuleException.BadRequest("numberRequired", "请输入要呼叫的号码。number is required.");
            }
            var ticket = await desk.Scope.Connection.QuerySingleOrDefaultAsync<TicketRow>(
                "SELECT * FROM tickets WHERE hall_id = @hall AND hall_date = @hallDate AND number = @number" + database.ForUpdate,
                new { hall = desk.Catalog.HallId, hallDate = desk.HallDate, number = number.Trim().ToUpperInvariant() }, desk.Scope.Transaction)
                ?? throw QueueRuleException.NotFound("unknownNumber", $"今天没有 {number} 号。There is no ticket {number} today.");
            if (ticket.StatusValue != TicketStatus.Waiting)
            {
                throw QueueRuleException.Conflict("notWaiting", $"{ticket.Number} 号当前不在等候中。Ticket {ticket.Number} is not waiting.");
            }
            if (!await TryCallAsync(desk, ticket, TicketStatus.Waiting, EventKinds.Called, desk.State.PriorityStreak, "specific"))
            {
                throw QueueRuleException.Conflict("notWaiting", $"{ticket.Number} 号刚被其他窗口呼叫。Ticket {ticket.Number} was just called elsewhere.");
            }
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    public Task<TicketView> RecallAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            var ticket = await CurrentAsync(desk);
            if (ticket.StatusValue != TicketStatus.Called)
            {
                throw QueueRuleException.Conflict("notCalled", $"{ticket.Number} 号已开始办理，无需重呼。Ticket {ticket.Number} is already being served.");
            }
            if (ticket.RecallCount >= desk.Catalog.Definition.MaxRecalls)
            {
                throw QueueRuleException.Conflict("recallLimit",
                    $"{ticket.Number} 号已重呼 {ticket.RecallCount} 次，请标记过号。Ticket {ticket.Number} has been recalled {ticket.RecallCount} times; mark it as no-show.");
            }
            ticket.RecallCount++;
            await desk.Scope.Connection.ExecuteAsync("UPDATE tickets SET recall_count = @RecallCount WHERE id = @Id", ticket, desk.Scope.Transaction);
            await AppendAsync(desk, EventKinds.Recalled, ticket, "recall " + ticket.RecallCount);
            desk.Events.Add(new TicketCalledEvent(CallMessage(desk, ticket, isRecall: true)));
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    public Task<TicketView> StartAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            var ticket = await CurrentAsync(desk);
            if (ticket.StatusValue != TicketStatus.Called)
            {
                throw QueueRuleException.Conflict("notCalled", $"{ticket.Number} 号已在办理中。Ticket {ticket.Number} is already being served.");
            }
            await StartTicketAsync(desk, ticket, null);
            await SetWindowAsync(desk, WindowState.Serving, ticket.Id);
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    /// <summary>Finishes the ticket at the window; from called it counts as served from the call (the clerk skipped start).</summary>
    public Task<TicketView> FinishAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            var ticket = await CurrentAsync(desk);
            if (ticket.StatusValue == TicketStatus.Called)
            {
                await StartTicketAsync(desk, ticket, "implicit at finish");
            }
            ticket.Status = (int)TicketStatus.Done;
            ticket.FinishedAt = desk.Now.ToUnixMs();
            await desk.Scope.Connection.ExecuteAsync("UPDATE tickets SET status = @Status, finished_at = @FinishedAt WHERE id = @Id", ticket, desk.Scope.Transaction);
            await desk.Scope.Connection.ExecuteAsync(
                "UPDATE window_states SET last_finished_ticket_id = @id, last_finished_at = @now WHERE hall_id = @hall AND window_number = @window",
                new { id = ticket.Id, now = desk.Now.ToUnixMs(), hall = desk.Catalog.HallId, window = desk.Window.Number }, desk.Scope.Transaction);
            await AppendAsync(desk, EventKinds.Finished, ticket, null);
            await SetWindowAsync(desk, WindowState.Idle, null);
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    public Task<TicketView> NoShowAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            var ticket = await CurrentAsync(desk);
            if (ticket.StatusValue != TicketStatus.Called)
            {
                throw QueueRuleException.Conflict("alreadyServing", $"{ticket.Number} 号已开始办理，不能标记过号。Ticket {ticket.Number} is being served; it cannot be a no-show.");
            }
            ticket.Status = (int)TicketStatus.NoShow;
            ticket.FinishedAt = desk.Now.ToUnixMs();
            await desk.Scope.Connection.ExecuteAsync("UPDATE tickets SET status = @Status, finished_at = @FinishedAt WHERE id = @Id", ticket, desk.Scope.Transaction);
            await AppendAsync(desk, EventKinds.NoShow, ticket, "recalls=" + ticket.RecallCount);
            await SetWindowAsync(desk, WindowState.Idle, null);
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    /// <summary>首问负责: the ticket goes to another service or window and keeps its place (its original issue time).</summary>
    public Task<TicketView> TransferAsync(ClerkSession session, TransferRequest request, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            if (request.ServiceId is null && request.WindowNumber is null)
            {
                throw QueueRuleException.BadRequest("transferTargetRequired", "请选择转往的事项或窗口（serviceId 或 windowNumber）。Give serviceId or windowNumber.");
            }
            var ticket = await CurrentAsync(desk);
            var toService = ticket.ServiceId;
            if (request.ServiceId is { } serviceId)
            {
                toService = desk.Catalog.FindService(serviceId)?.Id
                    ?? throw QueueRuleException.BadRequest("unknownService", $"没有编号为 {serviceId} 的事项。There is no service {serviceId}.");
            }
            int? toWindow = null;
            if (request.WindowNumber is { } windowNumber)
            {
                if (desk.Catalog.FindWindow(windowNumber) is null)
                {
                    throw QueueRuleException.BadRequest("unknownWindow", $"没有 {windowNumber} 号窗口。There is no window {windowNumber}.");
                }
                if (windowNumber == desk.Window.Number)
                {
                    throw QueueRuleException.BadRequest("sameWindow", "不能转给本窗口。A ticket cannot be transferred to its own window.");
                }
                toWindow = windowNumber;
            }
            else if (desk.Catalog.WindowsServing(toService).Count == 0)
            {
                throw QueueRuleException.Conflict("noWindowForService", $"没有窗口办理“{desk.Catalog.ServiceName(toService)}”。No window serves that service.");
            }
            var from = $"service={ticket.ServiceId};window={desk.Window.Number}";
            ticket.ServiceId = toService;
            ticket.TargetWindow = toWindow;
            ticket.Status = (int)TicketStatus.Waiting;
            ticket.WindowNumber = null;
            ticket.TransferCount++;
            await desk.Scope.Connection.ExecuteAsync(
                """
                UPDATE tickets SET service_id = @ServiceId, target_window = @TargetWindow, status = @Status, window_number = NULL,
                    staff_code = NULL, recall_count = 0, transfer_count = @TransferCount
                WHERE id = @Id
                """, ticket, desk.Scope.Transaction);
            await AppendAsync(desk, EventKinds.Transferred, ticket, $"{from} -> service={toService};window={toWindow?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}");
            await SetWindowAsync(desk, WindowState.Idle, null);
            desk.Events.Add(new QueueChangedEvent());
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    /// <summary>挂起: sets the ticket aside (the citizen fetches a missing paper) so the window can serve others meanwhile.</summary>
    public Task<TicketView> HoldAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            var ticket = await CurrentAsync(desk);
            if (desk.State.HeldTicketId is not null)
            {
                throw QueueRuleException.Conflict("alreadyHolding", "本窗口已有挂起的号，请先呼回。The window already holds a ticket; call it back first.");
            }
            await desk.Scope.Connection.ExecuteAsync(
                "UPDATE window_states SET held_ticket_id = @id WHERE hall_id = @hall AND window_number = @window",
                new { id = ticket.Id, hall = desk.Catalog.HallId, window = desk.Window.Number }, desk.Scope.Transaction);
            await AppendAsync(desk, EventKinds.Held, ticket, null);
            await SetWindowAsync(desk, WindowState.Idle, null);
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    public Task<TicketView> CallBackAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            RequireFree(desk);
            var heldId = desk.State.HeldTicketId
                ?? throw QueueRuleException.Conflict("nothingHeld", "本窗口没有挂起的号。The window holds no ticket.");
            var ticket = await desk.Scope.Connection.QuerySingleAsync<TicketRow>("SELECT * FROM tickets WHERE id = @heldId", new { heldId }, desk.Scope.Transaction);
            await desk.Scope.Connection.ExecuteAsync(
                "UPDATE window_states SET held_ticket_id = NULL WHERE hall_id = @hall AND window_number = @window",
                new { hall = desk.Catalog.HallId, window = desk.Window.Number }, desk.Scope.Transaction);
            await TryCallAsync(desk, ticket, ticket.StatusValue, EventKinds.CalledBack, desk.State.PriorityStreak, null);
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    public Task<bool> PauseAsync(ClerkSession session, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            if (desk.State.StateValue == WindowState.Paused)
            {
                throw QueueRuleException.Conflict("alreadyPaused", "窗口已暂停。The window is already paused.");
            }
            RequireFree(desk);
            var text = string.IsNullOrWhiteSpace(reason) ? "暂停服务" : reason.Trim();
            if (text.Length > 100)
            {
                throw QueueRuleException.BadRequest("reasonTooLong", "暂停原因不超过100字。The reason may have at most 100 characters.");
            }
            await desk.Scope.Connection.ExecuteAsync(
                "UPDATE window_states SET state = @state, pause_reason = @text, changed_at = @now WHERE hall_id = @hall AND window_number = @window",
                new { state = (int)WindowState.Paused, text, now = desk.Now.ToUnixMs(), hall = desk.Catalog.HallId, window = desk.Window.Number }, desk.Scope.Transaction);
            await EventLog.AppendAsync(desk.Scope, desk.Catalog.HallId, EventKinds.Paused, desk.Now, desk.HallDate, desk.Actor, detail: text);
            desk.Events.Add(new WindowChangedEvent(desk.Window.Number));
            desk.Events.Add(new QueueChangedEvent());
            return true;
        }, cancellationToken);

    public Task<bool> ResumeAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            if (desk.State.StateValue != WindowState.Paused)
            {
                throw QueueRuleException.Conflict("notPaused", "窗口未暂停。The window is not paused.");
            }
            await desk.Scope.Connection.ExecuteAsync(
                "UPDATE window_states SET state = @state, pause_reason = NULL, changed_at = @now WHERE hall_id = @hall AND window_number = @window",
                new { state = (int)WindowState.Idle, now = desk.Now.ToUnixMs(), hall = desk.Catalog.HallId, window = desk.Window.Number }, desk.Scope.Transaction);
            await EventLog.AppendAsync(desk.Scope, desk.Catalog.HallId, EventKinds.Resumed, desk.Now, desk.HallDate, desk.Actor);
            desk.Events.Add(new WindowChangedEvent(desk.Window.Number));
            desk.Events.Add(new QueueChangedEvent());
            return true;
        }, cancellationToken);

    private sealed record Desk(WriteScope Scope, HallCatalog Catalog, WindowDefinition Window, WindowStateRow State, DateTimeOffset Now, string HallDate, Actor Actor, List<HallEvent> Events);

    private async Task<T> ActAsync<T>(ClerkSession session, Actor actor, Func<Desk, Task<T>> action, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var window = catalog.FindWindow(session.WindowNumber)
            ?? throw QueueRuleException.NotFound("unknownWindow", $"没有 {session.WindowNumber} 号窗口。There is no window {session.WindowNumber}.");
        var now = time.GetUtcNow();
        var events = new List<HallEvent>();
        T result;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var state = await WindowStates.LockAsync(scope, database, catalog.HallId, window.Number, now);
            WindowStates.RequireSession(state, session);
            var desk = new Desk(scope, catalog, window, state, now, catalog.HallDate(now).ToKey(),
                actor with { StaffCode = session.StaffCode, WindowNumber = window.Number }, events);
            result = await action(desk);
            await scope.CommitAsync(cancellationToken);
        }
        await publisher.PublishAsync(events, cancellationToken);
        return result;
    }

    private static void RequireFree(Desk desk)
    {
        if (desk.State.StateValue == WindowState.Paused)
        {
            throw QueueRuleException.Conflict("windowPaused", "窗口暂停中，请先恢复服务。The window is paused; resume first.");
        }
        if (desk.State.CurrentTicketId is not null)
        {
            throw QueueRuleException.Conflict("ticketInProgress", "当前号尚未办结，请先办结、过号或挂起。Finish, no-show or hold the current ticket first.");
        }
    }

    private static async Task<TicketRow> CurrentAsync(Desk desk)
    {
        if (desk.State.CurrentTicketId is not { } id)
        {
            throw QueueRuleException.Conflict("nothingAtWindow", "窗口当前没有正在呼叫或办理的号。There is no ticket at this window.");
        }
        return await desk.Scope.Connection.QuerySingleAsync<TicketRow>("SELECT * FROM tickets WHERE id = @id", new { id }, desk.Scope.Transaction);
    }

    private static async Task<bool> TryCallAsync(Desk desk, TicketRow ticket, TicketStatus expected, string kind, int streak, string? detail)
    {
        var changed = await desk.Scope.Connection.ExecuteAsync(
            """
            UPDATE tickets SET status = @called, called_at = @now, started_at = NULL, window_number = @window, staff_code = @staff, target_window = NULL
            WHERE id = @id AND status = @expected
            """,
            new { called = (int)TicketStatus.Called, now = desk.Now.ToUnixMs(), window = desk.Window.Number, staff = desk.Actor.StaffCode, id = ticket.Id, expected = (int)expected },
            desk.Scope.Transaction);
        if (changed != 1)
        {
            return false;
        }
        ticket.Status = (int)TicketStatus.Called;
        ticket.CalledAt = desk.Now.ToUnixMs();
        ticket.StartedAt = null;
        ticket.WindowNumber = desk.Window.Number;
        ticket.StaffCode = desk.Actor.StaffCode;
        await desk.Scope.Connection.ExecuteAsync(
            "UPDATE window_states SET state = @state, current_ticket_id = @id, priority_streak = @streak, changed_at = @now WHERE hall_id = @hall AND window_number = @window",
            new { state = (int)WindowState.Calling, id = ticket.Id, streak, now = desk.Now.ToUnixMs(), hall = desk.Catalog.HallId, window = desk.Window.Number },
            desk.Scope.Transaction);
        await AppendAsync(desk, kind, ticket, detail);
        desk.Events.Add(new TicketCalledEvent(CallMessage(desk, ticket, isRecall: false)));
        desk.Events.Add(new WindowChangedEvent(desk.Window.Number));
        desk.Events.Add(new QueueChangedEvent());
        return true;
    }

    private static async Task StartTicketAsync(Desk desk, TicketRow ticket, string? detail)
    {
        ticket.Status = (int)TicketStatus.Serving;
        ticket.StartedAt = detail is null ? desk.Now.ToUnixMs() : ticket.CalledAt ?? desk.Now.ToUnixMs();
        await desk.Scope.Connection.ExecuteAsync("UPDATE tickets SET status = @Status, started_at = @StartedAt WHERE id = @Id", ticket, desk.Scope.Transaction);
        await AppendAsync(desk, EventKinds.Started, ticket, detail);
    }

    private static async Task SetWindowAsync(Desk desk, WindowState state, string? currentTicketId)
    {
        await desk.Scope.Connection.ExecuteAsync(
            "UPDATE window_states SET state = @state, current_ticket_id = @currentTicketId, changed_at = @now WHERE hall_id = @hall AND window_number = @window",
            new { state = (int)state, currentTicketId, now = desk.Now.ToUnixMs(), hall = desk.Catalog.HallId, window = desk.Window.Number }, desk.Scope.Transaction);
        desk.Events.Add(new WindowChangedEvent(desk.Window.Number));
    }

    private static async Task AppendAsync(Desk desk, string kind, TicketRow ticket, string? detail)
    {
        await EventLog.AppendAsync(desk.Scope, desk.Catalog.HallId, kind, desk.Now, desk.HallDate, desk.Actor, ticket.Id, ticket.ServiceId, detail);
        desk.Events.Add(new TicketChangedEvent(new TicketChanged(ticket.TicketId, ticket.Number, ticket.ServiceId, ticket.StatusValue, ticket.WindowNumber ?? desk.Window.Number, kind, desk.Catalog.ToOffset(desk.Now))));
    }

    private static TicketCalled CallMessage(Desk desk, TicketRow ticket, bool isRecall) => new(
        ticket.TicketId,
        ticket.Number,
        desk.Window.Number,
        desk.Window.Name,
        desk.Catalog.ServiceName(ticket.ServiceId),
        desk.Catalog.ToOffset(desk.Now),
        isRecall,
        Announcements.Chinese(desk.Catalog, ticket.Number, desk.Window.Number),
        Announcements.English(desk.Catalog, ticket.Number, desk.Window.Number));
}
