using Hall.Contracts.Hub;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.SignalR;

namespace Hall.QueueService.Hubs;

/// <summary>
/// The hall hub at <c>/hubs/hall</c>, open to displays. It pushes calls, issues, ticket and window changes and queue
/// counts (see <see cref="IHallClient"/>); <see cref="GetSnapshot"/> gives a (re)connecting display the whole picture.
/// </summary>
public sealed class HallHub(HallQueries queries) : Hub<IHallClient>
{
    public Task<HallSnapshot> GetSnapshot() => queries.GetSnapshotAsync(Context.ConnectionAborted);
}
