using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>Device status reports (printers, LED strips, evaluators, callers) for supervision.</summary>
public static class DevicesApi
{
    private static readonly string[] Statuses = Enum.GetValues<DeviceStatus>().Select(s => s.Name()).ToArray();

    public static RouteGroupBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/devices").WithTags("Devices");
        group.MapPost("/status", ReportAsync).WithSummary("A device reports its state").RequireDevice()
            .Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.NotFound);
        group.MapGet("/", ListAsync).WithSummary("The last known state of every device").RequireSupervisor().Refuses(ProblemKind.Unauthenticated);
        return group;
    }

    public static async Task<NoContent> ReportAsync(DeviceStatusReport report, DeviceStatusStore store, HallCatalogHolder hall, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(report.DeviceId) || report.DeviceId.Length > FieldLimits.DeviceId)
        {
            throw QueueProblems.DeviceIdRequired();
        }
        FieldLimits.Check(report.Kind, "kind", FieldLimits.DeviceKind);
        FieldLimits.Check(report.Detail, "detail", FieldLimits.DeviceDetail);
        DeviceReportScope.Check(hall.Current, report.DeviceId, DeviceAuthentication.DeviceOf(http)?.Device);
        if (!Enum.IsDefined(report.Status))
        {
            throw QueueProblems.InvalidStatus(Statuses);
        }
        await store.UpsertAsync(report.DeviceId, report.Kind, report.Status.Name(), report.Detail, http.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<DeviceStatusView>>> ListAsync(QueueDatabase database, HallCatalogHolder hall, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string DeviceId, string Kind, string Status, string? Detail, long UpdatedAt)>(
            "SELECT device_id, kind, status, detail, updated_at FROM device_status WHERE hall_id = @hall ORDER BY device_id", new { hall = hall.Current.HallId });
        var catalog = hall.Current;
        return TypedResults.Ok(rows.Select(r => new DeviceStatusView(r.DeviceId, r.Kind, r.Status, r.Detail, catalog.ToOffset(TimeConversions.FromUnixMs(r.UpdatedAt)))).ToList());
    }
}

public sealed record DeviceStatusView(string DeviceId, string Kind, string Status, string? Detail, DateTimeOffset UpdatedAt);
