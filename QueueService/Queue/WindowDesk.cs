using Dapper;
using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Notify;
using Hall.QueueService.Queue.Outcomes;
using Hall.QueueService.Queue.Tables;
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
    TurnNotices turnNotices,
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
                var next = await NextTicketSelector.FindAsync(desk.Scope, desk.Catalog, desk.Window, desk.State.PriorityStreak, desk.Now, desk.HallDate);
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
            throw QueueProblems.Busy();
        }, cancellationToken);

    /// <summary>Calls a given waiting number (叫指定号), e.g. a citizen who comes to the counter with it.</summary>
    public Task<TicketView> CallNumberAsync(ClerkSession session, string? number, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            RequireFree(desk);
            if (string.IsNullOrWhiteSpace(number))
            {
                throw QueueProblems.NumberRequired();
            }
            var ticket = await TicketsTable.LockByNumberAsync(desk.Scope, desk.Catalog.HallId, desk.HallDate, number.Trim().ToUpperInvariant())
                ?? throw QueueProblems.UnknownNumber(number);
            if (ticket.StatusValue != TicketStatus.Waiting)
            {
                throw QueueProblems.NotWaiting(ticket.Number);
            }
            if (!await TryCallAsync(desk, ticket, TicketStatus.Waiting, EventKinds.Called, desk.State.PriorityStreak, "specific"))
            {
                throw QueueProblems.NotWaiting(ticket.Number);
            }
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    public Task<TicketView> RecallAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            var ticket = await CurrentAsync(desk);
            if (ticket.StatusValue != TicketStatus.Called)
            {
                throw QueueProblems.NotCalled(ticket.Number);
            }
            if (ticket.RecallCount >= desk.Catalog.Definition.MaxRecalls)
            {
                throw QueueProblems.RecallLimit(ticket.Number, ticket.RecallCount);
            }
            ticket.RecallCount++;
            await TicketsTable.SaveRecallCountAsync(desk.Scope, ticket);
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
                throw QueueProblems.NotCalled(ticket.Number);
            }
            await StartTicketAsync(desk, ticket, null);
            await SetWindowAsync(desk, WindowState.Serving, ticket.Id);
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    /// <summary>Finishes the ticket at the window; from called it counts as served from the call (the clerk skipped start).</summary>
    /// <summary>Finishes the window's ticket with the visit's outcome (办件结果), written in the same transaction.</summary>
    public Task<TicketView> FinishAsync(ClerkSession session, FinishRequest? request, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            var ticket = await CurrentAsync(desk);
            var outcome = OutcomeRules.Decide(request, desk.Catalog, ticket.ServiceId, desk.Catalog.HallDate(desk.Now));
            if (ticket.StatusValue == TicketStatus.Called)
            {
                await StartTicketAsync(desk, ticket, "implicit at finish");
            }
            ticket.Status = (int)TicketStatus.Done;
            ticket.FinishedAt = desk.Now.ToUnixMs();
            await TicketsTable.SaveStepAsync(desk.Scope, ticket);
            await TicketOutcomesTable.InsertAsync(desk.Scope, ticket, outcome, desk.Now);
            if (desk.Catalog.IsAfterClosing(desk.Now))
            {
                await AfterHours.AfterHoursTable.RecordVisitAsync(desk.Scope, ticket, desk.Now);   // 延时服务
            }
            await WindowStatesTable.RecordFinishedAsync(desk.Scope, desk.Catalog.HallId, desk.Window.Number, ticket.Id, desk.Now);
            await AppendAsync(desk, EventKinds.Finished, ticket, "outcome=" + TicketOutcomesTable.NameOf(outcome.Kind));
            await SetWindowAsync(desk, WindowState.Idle, null);
            return HallQueries.View(desk.Catalog, ticket) with
            {
                Outcome = new OutcomeView(outcome.Kind, outcome.CaseNumber, outcome.DueDate?.ToKey(), outcome.MissingMaterials, outcome.Reason),
            };
        }, cancellationToken);

    public Task<TicketView> NoShowAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            var ticket = await CurrentAsync(desk);
            if (ticket.StatusValue != TicketStatus.Called)
            {
                throw QueueProblems.AlreadyServing(ticket.Number);
            }
            ticket.Status = (int)TicketStatus.NoShow;
            ticket.FinishedAt = desk.Now.ToUnixMs();
            await TicketsTable.SaveStepAsync(desk.Scope, ticket);
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
                throw QueueProblems.TransferTargetRequired();
            }
            var ticket = await CurrentAsync(desk);
            var toService = ticket.ServiceId;
            if (request.ServiceId is { } serviceId)
            {
                toService = desk.Catalog.FindService(serviceId)?.Id
                    ?? throw QueueProblems.UnknownService(serviceId);
            }
            int? toWindow = null;
            if (request.WindowNumber is { } windowNumber)
            {
                if (desk.Catalog.FindWindow(windowNumber) is null)
                {
                    throw QueueProblems.UnknownWindow(windowNumber);
                }
                if (windowNumber == desk.Window.Number)
                {
                    throw QueueProblems.SameWindow();
                }
                toWindow = windowNumber;
            }
            else if (desk.Catalog.WindowsServing(toService).Count == 0)
            {
                throw QueueProblems.NoWindowForService(desk.Catalog.ServiceName(toService));
            }
            var from = $"service={ticket.ServiceId};window={desk.Window.Number}";
            ticket.ServiceId = toService;
            ticket.TargetWindow = toWindow;
            ticket.Status = (int)TicketStatus.Waiting;
            ticket.WindowNumber = null;
            ticket.TransferCount++;
            await TicketsTable.SaveTransferAsync(desk.Scope, ticket);
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
                throw QueueProblems.AlreadyHolding();
            }
            await WindowStatesTable.SetHeldAsync(desk.Scope, desk.Catalog.HallId, desk.Window.Number, ticket.Id);
            await AppendAsync(desk, EventKinds.Held, ticket, null);
            await SetWindowAsync(desk, WindowState.Idle, null);
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    public Task<TicketView> CallBackAsync(ClerkSession session, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            RequireFree(desk);
            var heldId = desk.State.HeldTicketId
                ?? throw QueueProblems.NothingHeld();
            var ticket = await TicketsTable.GetAsync(desk.Scope, heldId);
            await WindowStatesTable.SetHeldAsync(desk.Scope, desk.Catalog.HallId, desk.Window.Number, null);
            await TryCallAsync(desk, ticket, ticket.StatusValue, EventKinds.CalledBack, desk.State.PriorityStreak, null);
            return HallQueries.View(desk.Catalog, ticket);
        }, cancellationToken);

    public Task<bool> PauseAsync(ClerkSession session, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(session, actor, async desk =>
        {
            if (desk.State.StateValue == WindowState.Paused)
            {
                throw QueueProblems.AlreadyPaused();
            }
            RequireFree(desk);
            var text = string.IsNullOrWhiteSpace(reason) ? "暂停服务" : reason.Trim();
            if (text.Length > 100)
            {
                throw QueueProblems.ReasonTooLong();
            }
            await WindowStatesTable.SetPauseAsync(desk.Scope, desk.Catalog.HallId, desk.Window.Number, WindowState.Paused, text, desk.Now);
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
                throw QueueProblems.NotPaused();
            }
            await WindowStatesTable.SetPauseAsync(desk.Scope, desk.Catalog.HallId, desk.Window.Number, WindowState.Idle, null, desk.Now);
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
            ?? throw QueueProblems.UnknownWindow(session.WindowNumber);
        var now = time.GetUtcNow();
        var events = new List<HallEvent>();
        T result;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var state = await WindowStatesTable.LockAsync(scope, catalog.HallId, window.Number, now);
            ClerkSessions.RequireCurrent(state, session);
            var desk = new Desk(scope, catalog, window, state, now, catalog.HallDate(now).ToKey(),
                actor with { StaffCode = session.StaffCode, WindowNumber = window.Number }, events);
            result = await action(desk);
            // 到号提醒: the text messages this change causes commit with it.
            await turnNotices.OnDeskChangeAsync(scope, catalog, events, now, desk.HallDate);
            await scope.CommitAsync(cancellationToken);
        }
        await publisher.PublishAsync(events, cancellationToken);
        return result;
    }

    private static void RequireFree(Desk desk)
    {
        if (desk.State.StateValue == WindowState.Paused)
        {
            throw QueueProblems.WindowPaused();
        }
        if (desk.State.CurrentTicketId is not null)
        {
            throw QueueProblems.TicketInProgress();
        }
    }

    private static async Task<TicketRow> CurrentAsync(Desk desk)
    {
        if (desk.State.CurrentTicketId is not { } id)
        {
            throw QueueProblems.NothingAtWindow();
        }
        return await TicketsTable.GetAsync(desk.Scope, id);
    }

    private static async Task<bool> TryCallAsync(Desk desk, TicketRow ticket, TicketStatus expected, string kind, int streak, string? detail)
    {
        if (!await TicketsTable.TryCallAsync(desk.Scope, ticket.Id, expected, desk.Window.Number, desk.Actor.StaffCode, desk.Now))
        {
            return false;
        }
        ticket.Status = (int)TicketStatus.Called;
        ticket.CalledAt = desk.Now.ToUnixMs();
        ticket.StartedAt = null;
        ticket.WindowNumber = desk.Window.Number;
        ticket.StaffCode = desk.Actor.StaffCode;
        await WindowStatesTable.ShowAsync(desk.Scope, desk.Catalog.HallId, desk.Window.Number, WindowState.Calling, ticket.Id, desk.Now, streak);
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
        await TicketsTable.SaveStepAsync(desk.Scope, ticket);
        await AppendAsync(desk, EventKinds.Started, ticket, detail);
    }

    private static async Task SetWindowAsync(Desk desk, WindowState state, string? currentTicketId)
    {
        await WindowStatesTable.ShowAsync(desk.Scope, desk.Catalog.HallId, desk.Window.Number, state, currentTicketId, desk.Now);
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
