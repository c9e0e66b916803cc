using Hall.Contracts.Hub;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.SignalR;

namespace Hall.QueueService.Hubs;

/// <summary>Sends committed hall events to every hub client, with full payloads.</summary>
public sealed class HubBroadcaster(
    IHubContext<HallHub, IHallClient> hub,
    HallQueries queries,
    QueueCountsBroadcaster queueCounts) : IHallEventSink
{
    public async ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken)
    {
        switch (hallEvent)
        {
            case TicketCalledEvent e:
                await hub.Clients.All.TicketCalled(e.Message);
                break;
            case TicketIssuedEvent e:
                await hub.Clients.All.TicketIssued(e.Message);
                break;
            case TicketChangedEvent e:
                await hub.Clients.All.TicketChanged(e.Message);
                break;
            case WindowChangedEvent e when await queries.GetWindowAsync(e.WindowNumber, cancellationToken) is { } window:
                await hub.Clients.All.WindowChanged(new WindowChanged(window));
                break;
            case QueueChangedEvent:
                queueCounts.MarkChanged();
                break;
        }
    }
}
