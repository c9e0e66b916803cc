using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Uplink;

/// <summary>The uplink as the hall's dashboard shows it: where it goes, how many events wait, the last success and error.</summary>
public sealed record UplinkStatusView(bool Configured, string? City, long Backlog, long LastSentId, DateTimeOffset? LastSuccessAt,
    string? LastError, DateTimeOffset? LastErrorAt, int Failures);

/// <summary><c>GET /api/supervision/uplink</c>: the state of this hall's link to its city.</summary>
public static class UplinkApi
{
    public static IEndpointRouteBuilder MapUplinkApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/supervision/uplink", StatusAsync).WithTags("Supervision").RequireSupervisor()
            .WithSummary("The hall's uplink to the city: backlog, last success, last error");
        return app;
    }

    public static async Task<Ok<UplinkStatusView>> StatusAsync(QueueDatabase database, HallCatalogHolder hall, IOptions<UplinkOptions> options, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        await using var connection = await database.OpenAsync(cancellationToken);
        var state = await UplinkStateTable.ReadAsync(connection, catalog.HallId);
        var backlog = await UplinkStateTable.BacklogAsync(connection, catalog.HallId, state.LastSentId);
        DateTimeOffset? At(long? ms) => ms is { } v ? catalog.ToOffset(TimeConversions.FromUnixMs(v)) : null;
        var settings = options.Value;
        return TypedResults.Ok(new UplinkStatusView(settings.Enabled, settings.Enabled ? new Uri(settings.Url!.Trim()).GetLeftPart(UriPartial.Authority) : null,
            backlog, state.LastSentId, At(state.LastSuccessAt), state.LastError, At(state.LastErrorAt), state.Failures));
    }
}
