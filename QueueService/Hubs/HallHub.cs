using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Microsoft.AspNetCore.SignalR;

namespace Hall.QueueService.Hubs;

/// <summary>
/// The hall hub at <c>/hubs/hall</c>, open to displays. It pushes calls, issues, ticket and window changes and queue
/// counts (see <see cref="IHallClient"/>) to everyone, and supervision alerts only to <see cref="SupervisionGroup"/>; <see cref="GetSnapshot"/> gives a (re)connecting display the whole picture.
/// It has no methods that change anything. A display computer that connects with its device key is reported online
/// while connected (<see cref="BoardPresence"/>). Connections are bounded per instance (<see cref="HubConnectionLimit"/>).
/// </summary>
public sealed class HallHub(HallQueries queries, BoardPresence boards, DeviceConnections devices, HubConnectionLimit limit) : Hub<IHallClient>
{
    private const string CountedKey = "hall.counted";
    private const string BoardKey = "hall.board";
    private const string DeviceKey = "hall.device";

    /// <summary>
    /// Anonymous clients that get issued and changed tickets (all but those connected with
    /// <see cref="Contracts.Hub.HallHub.BoardViewQuery"/>), without the ticket ids that open a ticket's details.
    /// </summary>
    public const string EverythingGroup = "everything";

    public Task<HallSnapshot> GetSnapshot() => queries.GetSnapshotAsync(Context.ConnectionAborted);

    /// <summary>
    /// Connections that presented a supervisor's or the administrator's credential: supervision alerts and ticket
    /// messages with their ids. Joined only after the credential is checked (<see cref="HubCredential"/>).
    /// </summary>
    public const string SupervisionGroup = "supervision";

    public override async Task OnConnectedAsync()
    {
        if (!limit.TryEnter())
        {
            Context.Abort();
            return;
        }
        Context.Items[CountedKey] = true;
        var http = Context.GetHttpContext();
        if (http is not null && await HubCredential.IsSupervisionAsync(http))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, SupervisionGroup);
        }
        else if (http?.Request.Query[Contracts.Hub.HallHub.ViewParameter].ToString() != Contracts.Hub.HallHub.BoardView)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, EverythingGroup);
        }
        if (http is not null && DeviceAuthentication.DeviceOf(http)?.Device is { } device)
        {
            // A revoked key closes this connection at once (DeviceConnections).
            Context.Items[DeviceKey] = devices.Track(device.Id, Context.Abort);
        }
        if (http is not null && DeviceAuthentication.DeviceOf(http)?.Device is { Kind: DeviceKind.Board } board)
        {
            Context.Items[BoardKey] = board.Id;
            await boards.ConnectedAsync(board.Id, CancellationToken.None);
        }
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.Remove(CountedKey))
        {
            limit.Leave();
        }
        (Context.Items.TryGetValue(DeviceKey, out var tracked) ? tracked as IDisposable : null)?.Dispose();
        if (Context.Items.TryGetValue(BoardKey, out var id) && id is string boardId)
        {
            await boards.DisconnectedAsync(boardId, CancellationToken.None);
        }
        await base.OnDisconnectedAsync(exception);
    }
}
