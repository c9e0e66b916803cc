using Hall.QueueService.Api;
using System.Text.RegularExpressions;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.City;

public sealed record UplinkHallRequest(string? HallId, string? Name);

/// <summary>A hall's key, shown once: the hall server is started with it as <c>--Uplink:HallKey</c>.</summary>
public sealed record IssuedHallKey(string HallId, string Key, DateTimeOffset IssuedAt);

public sealed record UplinkHallView(string HallId, string Name, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, long LastEventId);

/// <summary>The city administrator's hall keys: issue (<c>POST</c>), list, revoke (<c>DELETE</c>). Each is an event of the city's own record.</summary>
public static partial class CityAdminApi
{
    public static IEndpointRouteBuilder MapCityAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/uplink-halls").WithTags("City").RequireAuthorization(HallPolicies.Administrator)
            .Refuses(ProblemKind.Unauthenticated);
        group.MapPost("/", IssueAsync).Refuses(ProblemKind.Invalid, ProblemKind.Conflict).WithSummary("Issue a key for a hall that will uplink to this city");
        group.MapGet("/", ListAsync).WithSummary("The halls with keys, revoked ones too");
        group.MapDelete("/{hallId}", RevokeAsync).Refuses(ProblemKind.NotFound).WithSummary("Revoke a hall's key: its next batch is refused");
        return app;
    }

    public static async Task<Ok<IssuedHallKey>> IssueAsync(UplinkHallRequest request, QueueDatabase database, HallCatalogHolder hall, TimeProvider time,
        HttpContext http)
    {
        var hallId = request.HallId?.Trim() ?? "";
        var name = request.Name?.Trim() ?? "";
        if (!HallIdPattern().IsMatch(hallId) || name.Length is 0 or > 100 || hallId == hall.Current.HallId)
        {
            throw QueueProblems.UplinkHallInvalid();
        }
        var key = hallId + "." + BearerTokens.New();
        var now = time.GetUtcNow();
        await using var scope = await database.BeginWriteAsync(http.RequestAborted);
        if (await CityHallsTable.IssueAsync(scope, hallId, name, key, now.ToUnixMs()) == 0)
        {
            throw QueueProblems.UplinkHallExists(hallId);
        }
        await RecordAsync(scope, hall.Current, "uplinkKeyIssued", hallId, http, now);
        await scope.CommitAsync(http.RequestAborted);
        return TypedResults.Ok(new IssuedHallKey(hallId, key, hall.Current.ToOffset(now)));
    }

    public static async Task<Ok<IReadOnlyList<UplinkHallView>>> ListAsync(CityHallsTable halls, HallCatalogHolder hall, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        DateTimeOffset At(long ms) => catalog.ToOffset(TimeConversions.FromUnixMs(ms));
        var rows = await halls.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<UplinkHallView>>(rows
            .Select(r => new UplinkHallView(r.HallId, r.Name, At(r.IssuedAt), r.RevokedAt is { } revoked ? At(revoked) : null, r.LastEventId)).ToList());
    }

    public static async Task<NoContent> RevokeAsync(string hallId, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http)
    {
        var now = time.GetUtcNow();
        await using var scope = await database.BeginWriteAsync(http.RequestAborted);
        if (await CityHallsTable.RevokeAsync(scope, hallId, now.ToUnixMs()) == 0)
        {
            throw QueueProblems.UplinkHallUnknown(hallId);
        }
        await RecordAsync(scope, hall.Current, "uplinkKeyRevoked", hallId, http, now);
        await scope.CommitAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static Task RecordAsync(WriteScope scope, HallCatalog catalog, string kind, string hallId, HttpContext http, DateTimeOffset now) =>
        EventLog.AppendAsync(scope, catalog.HallId, kind, now, catalog.HallDate(now).ToKey(),
            new Actor("admin:" + Api.AdminRequest.Administrator(http)), detail: "hall " + hallId);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex HallIdPattern();
}
