using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Notify;

/// <summary>
/// 到号提醒: writes the "near" and "called" text messages into the outbox inside the transaction of the queue change
/// that causes them (an issue, a call, a transfer), so a message exists exactly when its change committed, whatever
/// crashes after; the outbox's unique (ticket, kind) keeps it to one each when several instances change the queue.
/// </summary>
public sealed class TurnNotices(IOptions<NotifyOptions> notify, IOptions<SmsOptions> sms)
{
    public int AheadThreshold => notify.Value.AheadThreshold;

    /// <summary>A ticket was just inserted: keeps the consent, and tells the citizen at once when already that close.</summary>
    public async Task OnIssuedAsync(WriteScope scope, HallCatalog catalog, TicketRow ticket, ConsentedPhone? phone, int ahead, DateTimeOffset now)
    {
        if (phone is null)
        {
            return;
        }
        await SmsConsentsTable.SaveAsync(scope, ticket, phone, now.ToUnixMs());
        if (ahead <= AheadThreshold)
        {
            await EnqueueAsync(scope, ticket, SmsKinds.Near, phone.Number, phone.Masked, SmsTexts.Near(sms.Value, catalog, ticket.Number, ahead), now);
        }
    }

    /// <summary>
    /// A window's action is about to commit with these events: a first call queues that ticket's "called" message;
    /// any change of the queue may bring waiting tickets within the threshold.
    /// </summary>
    public async Task OnDeskChangeAsync(WriteScope scope, HallCatalog catalog, IReadOnlyList<HallEvent> events, DateTimeOffset now, string hallDate)
    {
        var queueMoved = false;
        foreach (var hallEvent in events)
        {
            if (hallEvent is TicketCalledEvent { Message: { IsRecall: false } called })
            {
                var ticketId = called.TicketId.ToString("D");
                if (await SmsConsentsTable.FindAsync(scope, ticketId) is { } consent)
                {
                    await EnqueueAsync(scope, ticketId, catalog.HallId, hallDate, SmsKinds.Called, consent.Phone, consent.PhoneMasked,
                        SmsTexts.Called(sms.Value, catalog, called.Number, called.WindowNumber), now);
                    // The last message of the ticket is queued: the clear number now lives only in that row until it is sent.
                    await SmsConsentsTable.ForgetNumberAsync(scope, ticketId);
                }
            }
            queueMoved |= hallEvent is QueueChangedEvent;
        }
        if (queueMoved)
        {
            await QueueNearAsync(scope, catalog, hallDate, now);
        }
    }

    private async Task QueueNearAsync(WriteScope scope, HallCatalog catalog, string hallDate, DateTimeOffset now)
    {
        foreach (var ticket in await SmsConsentsTable.AwaitingNearAsync(scope, catalog.HallId, hallDate))
        {
            var ahead = await WaitEstimator.CountAheadAsync(scope.Connection, scope.Transaction, ticket.HallId, ticket.HallDate, ticket.ServiceId,
                NextTicketSelector.ClassOf(ticket, now), ticket.IssuedAt, ticket.Number, now);
            if (ahead <= AheadThreshold && await SmsConsentsTable.FindAsync(scope, ticket.Id) is { } consent)
            {
                await EnqueueAsync(scope, ticket, SmsKinds.Near, consent.Phone, consent.PhoneMasked, SmsTexts.Near(sms.Value, catalog, ticket.Number, ahead), now);
            }
        }
    }

    private static Task<bool> EnqueueAsync(WriteScope scope, TicketRow ticket, string kind, string phone, string masked, string text, DateTimeOffset now) =>
        EnqueueAsync(scope, ticket.Id, ticket.HallId, ticket.HallDate, kind, phone, masked, text, now);

    private static Task<bool> EnqueueAsync(WriteScope scope, string ticketId, string hallId, string hallDate, string kind, string phone, string masked, string text,
        DateTimeOffset now) =>
        SmsOutboxTable.EnqueueAsync(scope, new SmsMessageRow
        {
            HallId = hallId,
            HallDate = hallDate,
            TicketId = ticketId,
            Kind = kind,
            Phone = phone,
            PhoneMasked = masked,
            Text = text,
            IdempotencyKey = SmsOutboxTable.KeyOf(ticketId, kind),
            CreatedAt = now.ToUnixMs(),
        });
}
