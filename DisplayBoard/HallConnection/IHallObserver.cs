using Hall.Contracts.Api;
using Hall.Contracts.Hub;

namespace Hall.DisplayBoard.HallConnection;

/// <summary>
/// An output of the display computer (LED strips, board page, voice). <see cref="HallConnectionService"/> calls every
/// registered observer in turn after <see cref="HallState"/> is updated, so observers must only queue work, never wait on devices.
/// </summary>
public interface IHallObserver
{
    /// <summary>After every (re)connect: the whole hall, so each output is right at once.</summary>
    ValueTask OnSnapshotAsync(HallSnapshot snapshot, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask OnTicketCalledAsync(TicketCalled call, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask OnWindowChangedAsync(WindowInfo window, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask OnQueueCountsChangedAsync(QueueCounts counts, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>The notices in force changed (公开屏).</summary>
    ValueTask OnNoticesChangedAsync(NoticesChanged changed, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask OnConnectionChangedAsync(bool connected, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
