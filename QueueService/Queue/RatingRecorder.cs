using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.QueueService.FollowUps;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Ratings;
using Hall.QueueService.Ratings.Upload;
using Hall.QueueService.Storage;
using Hall.QueueService.Queue.Tables;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Queue;

/// <summary>
/// 好差评: a rating at a window binds to the ticket most recently finished there, if it comes within the hall's rating
/// time-out and that ticket has no rating yet; a rating from the phone names its ticket and proves it with the
/// tracking link's key. One rating per ticket whatever the channel. A refused rating is an outcome, not an error: a
/// second or late press on the counter's evaluator is an everyday event.
/// </summary>
public sealed class RatingRecorder(
    QueueDatabase database,
    HallCatalogHolder hall,
    HallEventPublisher publisher,
    HallSecrets secrets,
    IOptions<RatingRulesOptions> phoneOptions,
    TimeProvider time)
{
    /// <summary>A rating at the window (evaluator or tablet); <paramref name="reasons"/> are option codes of the level.</summary>
    public async Task<RatingOutcome> RateAtWindowAsync(int windowNumber, int? level, IReadOnlyList<string>? reasons, string channel, Actor actor,
        CancellationToken cancellationToken = default)
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
        IReadOnlyList<string> codes;
        try
        {
            codes = RatingReasons.Check(catalog, rating.Value, reasons);
        }
        catch (QueueRuleException e)
        {
            return RatingOutcome.Refused(e);
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
            await SaveAsync(scope, catalog, ticket, rating, codes, channel, actor with { WindowNumber = windowNumber }, now);
            await scope.CommitAsync(cancellationToken);
        }
        await PublishAsync(catalog, ticket, now, cancellationToken);
        return RatingOutcome.Rated(HallQueries.View(catalog, ticket));
    }

    /// <summary>
    /// 一事一评 from the phone: the ticket named by the tracking link, proved by its key (403 otherwise), done, not
    /// rated by any channel, and finished no more than <see cref="RatingRulesOptions.PhoneWindowHours"/> ago (409).
    /// </summary>
    public async Task<TicketView> RateFromPhoneAsync(Guid ticketId, int? level, IReadOnlyList<string>? reasons, string? key, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var id = ticketId.ToString("D");
        if (!secrets.IsTrackingKey(id, key))
        {
            throw QueueProblems.WrongTrackingKey();
        }
        if (!SatisfactionLevel.TryCreate(level, out var rating))
        {
            throw QueueProblems.InvalidLevel();
        }
        var codes = RatingReasons.Check(catalog, rating.Value, reasons);
        var now = time.GetUtcNow();
        TicketRow ticket;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            ticket = await TicketsTable.FindForUpdateAsync(scope, catalog.HallId, id) ?? throw QueueProblems.UnknownTicket(ticketId);
            if (ticket.RatingLevel is not null)
            {
                throw QueueProblems.AlreadyRated(ticket.Number);
            }
            if (ticket.StatusValue != TicketStatus.Done || ticket.FinishedAt is not { } finishedAt)
            {
                throw QueueProblems.NotDoneYet(ticket.Number);
            }
            var hours = phoneOptions.Value.PhoneWindowHours;
            if (now - TimeConversions.FromUnixMs(finishedAt) > TimeSpan.FromHours(hours))
            {
                throw QueueProblems.RatingWindowClosed(ticket.Number, hours);
            }
            await SaveAsync(scope, catalog, ticket, rating, codes, RatingChannels.Phone, actor with { WindowNumber = ticket.WindowNumber }, now);
            await scope.CommitAsync(cancellationToken);
        }
        await PublishAsync(catalog, ticket, now, cancellationToken);
        return HallQueries.View(catalog, ticket);
    }

    private static async Task SaveAsync(WriteScope scope, HallCatalog catalog, TicketRow ticket, SatisfactionLevel rating, IReadOnlyList<string> codes,
        string channel, Actor actor, DateTimeOffset now)
    {
        ticket.RatingLevel = rating.Value;
        ticket.RatedAt = now.ToUnixMs();
        ticket.RatingReasons = RatingReasons.ToColumn(codes);
        ticket.RatingChannel = channel;
        await TicketsTable.SaveRatingAsync(scope, ticket);
        await RatingUploadOutbox.EnqueueAsync(scope, catalog, ticket, ticket.RatingChannel);
        var detail = $"level={rating};label={rating.ChineseLabel};channel={channel}" + (codes.Count > 0 ? ";reasons=" + string.Join(",", codes) : "");
        await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Rated, now, catalog.HallDate(now).ToKey(),
            actor with { StaffCode = ticket.StaffCode }, ticket.Id, ticket.ServiceId, detail);
        if (rating.IsBad)
        {
            await FollowUpRecords.OpenAsync(scope, catalog, ticket, rating.Value, now, actor);
        }
    }

    private async Task PublishAsync(HallCatalog catalog, TicketRow ticket, DateTimeOffset now, CancellationToken cancellationToken) =>
        await publisher.PublishAsync(
        [
            new TicketChangedEvent(new TicketChanged(ticket.TicketId, ticket.Number, ticket.ServiceId, ticket.StatusValue, ticket.WindowNumber,
                EventKinds.Rated, catalog.ToOffset(now))),
        ], cancellationToken);
}
