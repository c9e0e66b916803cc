using Hall.Contracts.Hub;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.SignalR;

namespace Hall.QueueService.Hubs;

/// <summary>
/// Sends committed hall events to the hub clients, with full payloads: calls and window changes to all, issued and
/// changed tickets only to clients that want everything (not to boards, see <see cref="HallHub.EverythingGroup"/>).
/// </summary>
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
                await hub.Clients.Group(HallHub.EverythingGroup).TicketIssued(e.Message);
                break;
            case TicketChangedEvent e:
                await hub.Clients.Group(HallHub.EverythingGroup).TicketChanged(e.Message);
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
