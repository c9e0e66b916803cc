namespace Hall.DisplayBoard.Board;

/// <summary>What the board hub sends to board pages.</summary>
public interface IBoardClient
{
    /// <summary>The whole board after any change (small: a few dozen windows and services).</summary>
    Task BoardChanged(BoardView view);
}
