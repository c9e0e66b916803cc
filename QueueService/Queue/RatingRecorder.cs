using Dapper;
using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.QueueService.FollowUps;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Ratings.Upload;
using Hall.QueueService.Storage;
using Hall.QueueService.Queue.Tables;

namespace Hall.QueueService.Queue;

/// <summary>
/// 好差评: a rating at a window binds to the ticket most recently finished there, if it comes within the hall's rating
/// time-out and that ticket has no rating yet. The same rule serves the bus evaluator, the tablet and the phone.
/// A refused rating is an outcome, not an error: a second or late press on the counter's evaluator is an everyday event.
/// </summary>
public sealed class RatingRecorder(
    QueueDatabase database,
    HallCatalogHolder hall,
    HallEventPublisher publisher,
    TimeProvider time)
{
    public async Task<RatingOutcome> RateAtWindowAsync(int windowNumber, int? level, Actor actor, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        if (catalog.FindWindow(windowNumber) is null)
        {
            return RatingOutcome.Refused(QueueProblems.UnknownWindow(windowNumber));
        }
        if (!SatisfactionLevel.TryCreate(level, out var rating))
        {
            return RatingOutcome.Refused(QueueProblems.InvalidLevel());
        }
        var now = time.GetUtcNow();
        TicketRow ticket;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var state = await WindowStatesTable.LockAsync(scope, catalog.HallId, windowNumber, now);
            var timeout = TimeSpan.FromSeconds(catalog.Definition.RatingTimeoutSeconds);
            if (state.LastFinishedTicketId is null || state.LastFinishedAt is not { } finishedAt || now - TimeConversions.FromUnixMs(finishedAt) > timeout)
            {
                return RatingOutcome.Refused(QueueProblems.NothingToRate());
            }
            ticket = await TicketsTable.LockAsync(scope, state.LastFinishedTicketId);
            if (ticket.RatingLevel is not null)
            {
                return RatingOutcome.Refused(QueueProblems.AlreadyRated(ticket.Number));
            }
            ticket.RatingLevel = rating.Value;
            ticket.RatedAt = now.ToUnixMs();
            await TicketsTable.SaveRatingAsync(scope, ticket);
            await RatingUploadOutbox.EnqueueAsync(scope, catalog, ticket);   // channel and reasons: not recorded yet
            await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Rated, now, catalog.HallDate(now).ToKey(),
                actor with { WindowNumber = windowNumber, StaffCode = ticket.StaffCode }, ticket.Id, ticket.ServiceId,
                $"level={rating};label={rating.ChineseLabel}");
            if (rating.IsBad)
            {
                await FollowUpRecords.OpenAsync(scope, catalog, ticket, rating.Value, now, actor);
            }
            await scope.CommitAsync(cancellationToken);
        }
        await publisher.PublishAsync(
        [
            new TicketChangedEvent(new TicketChanged(ticket.TicketId, ticket.Number, ticket.ServiceId, ticket.StatusValue, windowNumber, EventKinds.Rated, catalog.ToOffset(now))),
        ], cancellationToken);
        return RatingOutcome.Rated(HallQueries.View(catalog, ticket));
    }
}
