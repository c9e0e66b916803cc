using Hall.Contracts.Hub;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.SignalR;

namespace Hall.QueueService.HallSetup;

/// <summary>
/// Tells this instance's hub clients that the hall changed: <c>HallChanged</c> (so pages reload their snapshot and
/// lists), then every window and the queue counts again, so clients that only follow those see new names at once.
/// </summary>
public sealed class HallChangedBroadcaster(
    IHubContext<Hubs.HallHub, IHallClient> hub,
    Hubs.HubBroadcaster windows,
    HallCatalogHolder hall) : IHallEventSink
{
    public async ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken)
    {
        if (hallEvent is not HallChangedEvent changed)
        {
            return;
        }
        await hub.Clients.All.HallChanged(new HallChanged(changed.At));
        foreach (var window in hall.Current.Windows)
        {
            await windows.PublishAsync(new WindowChangedEvent(window.Number), cancellationToken);
        }
        await windows.PublishAsync(new QueueChangedEvent(), cancellationToken);
    }
}
