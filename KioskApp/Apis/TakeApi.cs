using System.Text.Json.Nodes;
using Hall.Contracts.Api;
using Hall.KioskApp.Taking;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.KioskApp.Apis;

/// <summary>Taking and reprinting tickets: <c>POST /api/take</c>, <c>POST /api/tickets/{id}/reprint</c>.</summary>
public static class TakeApi
{
    public static IEndpointRouteBuilder MapTakeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/take", TakeAsync);
        api.MapPost("/tickets/{id:guid}/reprint", ReprintAsync);
        return app;
    }

    /// <summary>Issues at the hall server and prints; 200 <c>{ ticket, printed, printError }</c>, or the server's problem document.</summary>
    public static async Task<Results<Ok<TakeResponse>, JsonHttpResult<JsonObject>>> TakeAsync(IssueTicketRequest request, TicketTaking taking)
    {
        // Not the request's abort token: once the request is sent, a citizen walking away must not leave the issue half done.
        var (taken, failure) = await taking.TakeAsync(request, CancellationToken.None);
        return ToResult(taken, failure);
    }

    public static async Task<Results<Ok<TakeResponse>, JsonHttpResult<JsonObject>>> ReprintAsync(Guid id, TicketTaking taking)
    {
        var (taken, failure) = await taking.ReprintAsync(id, CancellationToken.None);
        return ToResult(taken, failure);
    }

    private static Results<Ok<TakeResponse>, JsonHttpResult<JsonObject>> ToResult(TakeResponse? taken, TakeFailure? failure) =>
        taken is not null
            ? TypedResults.Ok(taken)
            : TypedResults.Json(failure!.Problem, statusCode: failure.StatusCode, contentType: "application/problem+json");
}
