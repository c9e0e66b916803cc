using System.Text.Json.Nodes;
using Hall.KioskApp.IdCard;
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

    /// <summary>
    /// Issues at the hall server and prints; 200 <c>{ ticket, printed, printError }</c>, or the server's problem document.
    /// With <c>useIdCard</c> the number is taken with the ID number of the card on the reader (409 <c>noIdCard</c> without one).
    /// </summary>
    public static async Task<Results<Ok<TakeResponse>, JsonHttpResult<JsonObject>>> TakeAsync(KioskTakeRequest request, TicketTaking taking,
        IdCardReaderService reader, IdCardPresence presence, HttpContext http)
    {
        var idNumber = request.IdNumber;
        if (request.WantsIdCard)
        {
            var card = await reader.CurrentCardAsync(http.RequestAborted);
            if (card is null)
            {
                return ToResult(null, presence.ReaderConfigured
                    ? TakeFailure.Kiosk(409, "noIdCard", "请将身份证放在读卡区", "读卡区没有身份证，请将身份证放在读卡区后再取号。No ID card is on the reader.", retryable: false)
                    : TakeFailure.Kiosk(409, "noIdCard", "本机不能读取身份证", "本机没有连接身份证阅读器，请输入身份证号或到咨询导办台办理。This kiosk has no ID card reader.", retryable: false));
            }
            idNumber = card.IdNumber;
        }
        // Not the request's abort token: once the request is sent, a citizen walking away must not leave the issue half done.
        var (taken, failure) = await taking.TakeAsync(request.ToServerRequest(idNumber), CancellationToken.None);
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
