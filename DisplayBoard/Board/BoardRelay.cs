using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.DisplayBoard.HallConnection;
using Microsoft.AspNetCore.SignalR;

namespace Hall.DisplayBoard.Board;

/// <summary>Passes every change of the hall on to the board pages as a fresh <see cref="BoardView"/>.</summary>
public sealed class BoardRelay(IHubContext<BoardHub, IBoardClient> hub, BoardViewBuilder views, BoardFilter filter) : IHallObserver
{
    public ValueTask OnSnapshotAsync(HallSnapshot snapshot, CancellationToken cancellationToken) => PushAsync();

    public ValueTask OnTicketCalledAsync(TicketCalled call, CancellationToken cancellationToken) =>
        filter.ShowsWindow(call.WindowNumber) ? PushAsync() : ValueTask.CompletedTask;

    public ValueTask OnWindowChangedAsync(WindowInfo window, CancellationToken cancellationToken) =>
        filter.ShowsWindow(window.Number) ? PushAsync() : ValueTask.CompletedTask;

    public ValueTask OnQueueCountsChangedAsync(QueueCounts counts, CancellationToken cancellationToken) => PushAsync();

    public ValueTask OnNoticesChangedAsync(NoticesChanged changed, CancellationToken cancellationToken) => PushAsync();

    public ValueTask OnConnectionChangedAsync(bool connected, CancellationToken cancellationToken) => PushAsync();

    private ValueTask PushAsync() => new(hub.Clients.All.BoardChanged(views.Build()));
}
