using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>Device status reports (printers, LED strips, evaluators, callers) for supervision.</summary>
public static class DevicesApi
{
    private static readonly HashSet<string> Statuses = ["online", "offline", "fault", "paperOut", "paperLow", "coverOpen"];

    public static RouteGroupBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/devices").WithTags("Devices");
        group.MapPost("/status", ReportAsync).WithSummary("A device reports its state").RequireDevice();
        group.MapGet("/", ListAsync).WithSummary("The last known state of every device").RequireSupervisor();
        return group;
    }

    public static async Task<NoContent> ReportAsync(DeviceStatusReport report, DeviceStatusStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(report.DeviceId) || report.DeviceId.Length > 100)
        {
            throw QueueRuleException.BadRequest("deviceIdRequired", "deviceId 必填，且不超过100个字符。deviceId is required (at most 100 characters).");
        }
        if (!Statuses.Contains(report.Status))
        {
            throw QueueRuleException.BadRequest("invalidStatus", $"status 只能是 {string.Join("、", Statuses)}。status must be one of {string.Join(", ", Statuses)}.");
        }
        await store.UpsertAsync(report.DeviceId, report.Kind, report.Status, report.Detail, cancellationToken);
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
