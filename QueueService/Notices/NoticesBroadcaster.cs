using Hall.Contracts.Hub;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.SignalR;

namespace Hall.QueueService.Notices;

/// <summary>
/// Sends this instance's hub clients the notices in force (<c>NoticesChanged</c>, to everyone: notices are public)
/// after a change on any instance or when <see cref="NoticePeriodWatcher"/> sees one come into force or expire.
/// </summary>
public sealed class NoticesBroadcaster(IHubContext<Hubs.HallHub, IHallClient> hub, NoticeReader notices, TimeProvider time) : IHallEventSink
{
    public async ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken)
    {
        if (hallEvent is NoticesChangedEvent)
        {
            await hub.Clients.All.NoticesChanged(new NoticesChanged(await notices.InForceAsync(cancellationToken), time.GetUtcNow()));
        }
    }
}
