using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.DisplayBoard.Board;

/// <summary><c>GET /api/board</c>: what the board shows now, for diagnosis and for pages without WebSockets.</summary>
public static class BoardApi
{
    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/board");
        group.MapGet("/", GetBoard);
        return app;
    }

    public static Ok<BoardView> GetBoard(BoardViewBuilder views) => TypedResults.Ok(views.Build());
}
