using Hall.Contracts.Hub;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Supervision;
using Microsoft.AspNetCore.SignalR;

namespace Hall.QueueService.Hubs;

/// <summary>
/// Sends committed hall events to the hub clients: calls and window changes to all; issued and changed tickets to
/// supervision with their ids, and to other clients that want them (not boards) without the id that would open the
/// ticket's details (<see cref="HallHub.EverythingGroup"/>); supervision alerts to supervision only.
/// </summary>
public sealed class HubBroadcaster(
    IHubContext<HallHub, IHallClient> hub,
    HallQueries queries,
    QueueCountsBroadcaster queueCounts,
    DeviceConnections devices) : IHallEventSink
{
    public async ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken)
    {
        switch (hallEvent)
        {
            case TicketCalledEvent e:
                await hub.Clients.All.TicketCalled(e.Message);
                break;
            case TicketIssuedEvent e:
                await hub.Clients.Group(HallHub.SupervisionGroup).TicketIssued(e.Message);
                await hub.Clients.Group(HallHub.EverythingGroup).TicketIssued(e.Message with { TicketId = Guid.Empty });
                break;
            case TicketChangedEvent e:
                await hub.Clients.Group(HallHub.SupervisionGroup).TicketChanged(e.Message);
                await hub.Clients.Group(HallHub.EverythingGroup).TicketChanged(e.Message with { TicketId = Guid.Empty });
                break;
            case WindowChangedEvent e when await queries.GetWindowAsync(e.WindowNumber, cancellationToken) is { } window:
                await hub.Clients.All.WindowChanged(new WindowChanged(window));
                break;
            case QueueChangedEvent:
                queueCounts.MarkChanged();
                break;
            case AlertRaisedEvent e:
                await hub.Clients.Group(HallHub.SupervisionGroup).AlertRaised(e.Alert);
                break;
            case AlertAcknowledgedEvent e:
                await hub.Clients.Group(HallHub.SupervisionGroup).AlertAcknowledged(e.Alert);
                break;
            case DeviceKeyRevokedEvent e:
                // Here because this sink runs for this instance's revocations and for other instances' alike.
                devices.Close(e.DeviceId);
                break;
        }
    }
}
