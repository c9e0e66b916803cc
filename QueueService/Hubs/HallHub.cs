using Hall.Contracts.Hub;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Microsoft.AspNetCore.SignalR;

namespace Hall.QueueService.Hubs;

/// <summary>
/// The hall hub at <c>/hubs/hall</c>, open to displays. It pushes calls, issues, ticket and window changes and queue
/// counts (see <see cref="IHallClient"/>); <see cref="GetSnapshot"/> gives a (re)connecting display the whole picture.
/// It has no methods that change anything. A display computer that connects with its device key is reported online
/// while connected (<see cref="BoardPresence"/>).
/// </summary>
public sealed class HallHub(HallQueries queries, BoardPresence boards) : Hub<IHallClient>
{
    private const string BoardKey = "hall.board";

    /// <summary>Clients that get every event: all but those connected with <see cref="Contracts.Hub.HallHub.BoardViewQuery"/>.</summary>
    public const string EverythingGroup = "everything";

    public Task<HallSnapshot> GetSnapshot() => queries.GetSnapshotAsync(Context.ConnectionAborted);

    public override async Task OnConnectedAsync()
    {
        if (Context.GetHttpContext()?.Request.Query["view"].ToString() != "board")
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, EverythingGroup);
        }
        if (Context.GetHttpContext() is { } http && DeviceAuthentication.DeviceOf(http)?.Device is { Kind: DeviceKind.Board } board)
        {
            Context.Items[BoardKey] = board.Id;
            await boards.ConnectedAsync(board.Id, CancellationToken.None);
        }
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(BoardKey, out var id) && id is string boardId)
        {
            await boards.DisconnectedAsync(boardId, CancellationToken.None);
        }
        await base.OnDisconnectedAsync(exception);
    }
}
