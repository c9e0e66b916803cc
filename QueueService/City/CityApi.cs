using Hall.QueueService.Api;
using System.Text.Json;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Statistics;
using Hall.QueueService.Uplink;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.City;

public sealed record HallToday(long Issued, long Served, long Waiting);

/// <summary>A hall as the city's dashboard shows it: when it was last heard of, what it still has to send, today, its open alerts.</summary>
public sealed record CityHallView(
    string HallId,
    string Name,
    bool Revoked,
    DateTimeOffset? LastEventAt,
    DateTimeOffset? LastBatchAt,
    long? Backlog,
    HallToday Today,
    IReadOnlyList<UplinkAlert> Alerts,
    DateTimeOffset? RefusedAt,
    string? RefusedReason);

/// <summary>The city's own API: its halls, their statistics, the monthly report across halls (CSV or Excel).</summary>
public static class CityApi
{
    public static IEndpointRouteBuilder MapCityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/city").WithTags("City").RequireSupervisor().Refuses(ProblemKind.Unauthenticated);
        group.MapGet("/halls", HallsAsync).WithSummary("Every hall: last event, backlog, today's issued/served/waiting, forwarded alerts, refusals");
        group.MapGet("/stats", StatsAsync).Refuses(ProblemKind.Invalid).WithSummary("Per hall the figures /api/stats gives per service, and their sum");
        group.MapGet("/reports/monthly", MonthlyAsync).Refuses(ProblemKind.Invalid)
            .WithSummary("The month across halls, one row per hall: CSV (default) or an Excel workbook (format=xlsx)");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CityHallView>>> HallsAsync(CityHallsTable halls, CityStatistics statistics, HallCatalogHolder hall,
        CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        DateTimeOffset? At(long? ms) => ms is { } v ? catalog.ToOffset(TimeConversions.FromUnixMs(v)) : null;
        var views = new List<CityHallView>();
        foreach (var row in await halls.ListAsync(cancellationToken))
        {
            var (issued, served, waiting) = await statistics.TodayAsync(row, cancellationToken);
            var alerts = row.Alerts is { } json ? JsonSerializer.Deserialize<List<UplinkAlert>>(json, UplinkJson.Options) ?? [] : [];
            views.Add(new CityHallView(row.HallId, row.Name, row.RevokedAt is not null, At(row.LastEventAt), At(row.LastBatchAt), row.Backlog,
                new HallToday(issued, served, waiting), alerts, At(row.RefusedAt), row.RefusedReason));
        }
        return TypedResults.Ok<IReadOnlyList<CityHallView>>(views);
    }

    public static async Task<Ok<CityStatsReport>> StatsAsync(string? from, string? to, CityStatistics statistics, HallCatalogHolder hall, TimeProvider time,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await statistics.GetAsync(HallDateRange.Parse(from, to), hall.Current.ToOffset(time.GetUtcNow()), cancellationToken));

    public static async Task<FileContentHttpResult> MonthlyAsync(string? month, string? format, CityStatistics statistics, HallCatalogHolder hall,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var kind = ReportFormat.Parse(format);
        var range = HallDateRange.ParseMonth(month);
        var report = await statistics.GetAsync(range, hall.Current.ToOffset(time.GetUtcNow()), cancellationToken);
        var name = $"city-monthly-report-{range.From:yyyy-MM}";
        return kind == ReportFormat.Xlsx
            ? TypedResults.File(CityMonthlyReport.Xlsx(report, hall.Current.Definition.Name), MonthlyReportXlsx.ContentType, name + ".xlsx")
            : TypedResults.File(CityMonthlyReport.Csv(report), "text/csv; charset=utf-8", name + ".csv");
    }
}
