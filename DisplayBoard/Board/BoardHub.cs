using Microsoft.AspNetCore.SignalR;

namespace Hall.DisplayBoard.Board;

/// <summary>
/// The board pages' hub (<c>/hubs/board</c>): pages talk only to their display computer, which alone talks to the
/// hall server and applies this board's filters.
/// </summary>
public sealed class BoardHub(BoardViewBuilder views) : Hub<IBoardClient>
{
    public const string Path = "/hubs/board";

    public BoardView GetBoard() => views.Build();
}
