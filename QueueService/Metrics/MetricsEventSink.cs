using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Metrics;

/// <summary>
/// Counts committed events of this instance into <see cref="HallMetrics"/>. An own-events sink: events other
/// instances relay over PostgreSQL never reach it, so nothing is counted twice.
/// </summary>
public sealed class MetricsEventSink(HallMetrics metrics, QueueDatabase database) : IOwnHallEventSink
{
    public async ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken)
    {
        switch (hallEvent)
        {
            case TicketIssuedEvent issued:
                metrics.Issued(issued.Message.ServiceId);
                break;
            case TicketCalledEvent { Message.IsRecall: false } called:
                // The call message carries no issue time: the row has it (and the service the ticket is in now).
                var ticket = await ReadAsync(called.Message.TicketId, cancellationToken);
                if (ticket is { CalledAt: { } calledAt })
                {
                    metrics.Called(ticket.ServiceId, TimeSpan.FromMilliseconds(calledAt - ticket.IssuedAt));
                }
                break;
            case TicketChangedEvent { Message.Kind: EventKinds.Finished, Message.Status: TicketStatus.Done } finished:
                var done = await ReadAsync(finished.Message.TicketId, cancellationToken);
                metrics.Served(finished.Message.ServiceId,
                    done is { StartedAt: { } started, FinishedAt: { } end } ? TimeSpan.FromMilliseconds(end - started) : null);
                break;
            case TicketChangedEvent { Message.Kind: EventKinds.NoShow } noShow:
                metrics.NoShow(noShow.Message.ServiceId);
                break;
        }
    }

    private async Task<TicketRow?> ReadAsync(Guid ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TicketRow>(
            new CommandDefinition("SELECT * FROM tickets WHERE id = @id", new { id = ticketId.ToString() }, cancellationToken: cancellationToken));
    }
}
