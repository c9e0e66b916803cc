using Dapper;
using Hall.Contracts.Api;
using Hall.Hardware.HallBus;
using Hall.Contracts.Hub;
using Hall.QueueService.FollowUps;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>
/// 好差评: a rating at a window binds to the ticket most recently finished there, if it comes within the hall's rating
/// time-out and that ticket has no rating yet. The same rule serves the bus evaluator, the tablet and the phone.
/// </summary>
public sealed class RatingRecorder(
    QueueDatabase database,
    HallCatalogHolder hall,
    HallEventPublisher publisher,
    TimeProvider time)
{
    public async Task<TicketView> RateAtWindowAsync(int windowNumber, int? level, Actor actor, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        if (catalog.FindWindow(windowNumber) is null)
        {
            throw QueueRuleException.NotFound("unknownWindow", $"没有 {windowNumber} 号窗口。There is no window {windowNumber}.");
        }
        if (level is not { } value || !RatingLevels.IsDefined((byte)Math.Clamp(value, 0, 255)))
        {
            throw QueueRuleException.BadRequest("invalidLevel", "评价等级应为 1（非常不满意）到 5（非常满意）。level must be 1 to 5.");
        }
        var now = time.GetUtcNow();
        TicketRow ticket;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var state = await WindowStates.LockAsync(scope, database, catalog.HallId, windowNumber, now);
            var timeout = TimeSpan.FromSeconds(catalog.Definition.RatingTimeoutSeconds);
            if (state.LastFinishedTicketId is null || state.LastFinishedAt is not { } finishedAt || now - TimeConversions.FromUnixMs(finishedAt) > timeout)
            {
                throw QueueRuleException.Conflict("nothingToRate", "没有可评价的业务（尚未办结或已超过评价时限）。There is no finished ticket to rate at this window.");
            }
            ticket = await scope.Connection.QuerySingleAsync<TicketRow>("SELECT * FROM tickets WHERE id = @id" + database.ForUpdate,
                new { id = state.LastFinishedTicketId }, scope.Transaction);
            if (ticket.RatingLevel is not null)
            {
                throw QueueRuleException.Conflict("alreadyRated", $"{ticket.Number} 号已评价，每笔业务只能评价一次。Ticket {ticket.Number} is already rated.");
            }
            ticket.RatingLevel = value;
            ticket.RatedAt = now.ToUnixMs();
            await scope.Connection.ExecuteAsync("UPDATE tickets SET rating_level = @RatingLevel, rated_at = @RatedAt WHERE id = @Id", ticket, scope.Transaction);
            await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Rated, now, catalog.HallDate(now).ToKey(),
                actor with { WindowNumber = windowNumber, StaffCode = ticket.StaffCode }, ticket.Id, ticket.ServiceId,
                $"level={value};label={((RatingLevel)value).ChineseLabel()}");
            if (((RatingLevel)value).IsBad())
            {
                await FollowUpRecords.OpenAsync(scope, catalog, ticket, value, now, actor);
            }
            await scope.CommitAsync(cancellationToken);
        }
        await publisher.PublishAsync(
        [
            new TicketChangedEvent(new TicketChanged(ticket.TicketId, ticket.Number, ticket.ServiceId, ticket.StatusValue, windowNumber, EventKinds.Rated, catalog.ToOffset(now))),
        ], cancellationToken);
        return HallQueries.View(catalog, ticket);
    }
}
