using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.KioskApp.IdCard;

/// <summary>
/// <c>GET /api/id-card</c>: the card on the reader now, masked; <c>GET /api/id-card/events</c>: the same as a
/// server-sent event at every change, so the page learns at once when a card arrives and leaves. The full number is
/// never in either: it goes only to the hall server, with a take.
/// </summary>
public static class IdCardApi
{
    /// <param name="Present">A card lies on the reader.</param>
    /// <param name="Presentation">Changes when a new card (or the same card after a while) is laid; the page starts over on a new one.</param>
    /// <param name="Reader">none (no reader configured), unknown, online, offline, fault.</param>
    public sealed record IdCardView(bool Present, string? MaskedName, string? MaskedIdNumber, long? Presentation, string Reader);

    public static IEndpointRouteBuilder MapIdCardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/id-card");
        api.MapGet("/", Get);
        api.MapGet("/events", Events);
        return app;
    }

    public static Ok<IdCardView> Get(IdCardPresence presence) => TypedResults.Ok(View(presence));

    public static ServerSentEventsResult<IdCardView> Events(IdCardPresence presence, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Changes(presence, cancellationToken), eventType: "idCard");

    private static async IAsyncEnumerable<IdCardView> Changes(IdCardPresence presence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = presence.NextChange;
            yield return View(presence);
            try
            {
                await next.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    public static IdCardView View(IdCardPresence presence) => presence.Card is { } card
        ? new IdCardView(true, card.MaskedName, card.MaskedIdNumber, card.Presentation, presence.ReaderStatus)
        : new IdCardView(false, null, null, null, presence.ReaderStatus);
}
