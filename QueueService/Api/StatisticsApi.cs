using System.Globalization;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>Statistics, the monthly report and staffing advice; who may read them is the hall's <c>security.statistics</c> (see <see cref="StaffAccess"/>).</summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats", GetStatsAsync).WithTags("Statistics")
            .WithSummary("Per service, window, clerk and hour: issued, served, no-show, waits, service times, ratings").RequireStatisticsReader();
        app.MapGet("/api/reports/monthly", GetMonthlyReportAsync).WithTags("Statistics")
            .WithSummary("The monthly operations report (月报) as CSV for Excel").RequireStatisticsReader();
        app.MapGet("/api/reports/stats", GetStatsCsvAsync).WithTags("Statistics")
            .WithSummary("Any range's statistics as the same CSV table").RequireStatisticsReader();
        app.MapGet("/api/staffing", GetStaffingAsync).WithTags("Statistics")
            .WithSummary("Per hour: arrivals, service time, open windows and the windows Erlang C recommends").RequireStatisticsReader();
        return app;
    }

    public static async Task<Ok<StatsReport>> GetStatsAsync(string? from, string? to, StatisticsQueries statistics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await statistics.GetReportAsync(HallDateRange.Parse(from, to), cancellationToken));

    public static async Task<FileContentHttpResult> GetMonthlyReportAsync(string? month, StatisticsQueries statistics, HallCatalogHolder hall, CancellationToken cancellationToken)
    {
        var range = HallDateRange.ParseMonth(month);
        var report = await statistics.GetReportAsync(range, cancellationToken);
        var bytes = MonthlyReportCsv.Build(report, hall.Current.Definition.Name);
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"monthly-report-{range.From:yyyy-MM}.csv");
    }

    public static async Task<FileContentHttpResult> GetStatsCsvAsync(string? from, string? to, StatisticsQueries statistics, HallCatalogHolder hall,
        CancellationToken cancellationToken)
    {
        var range = HallDateRange.Parse(from, to);
        var report = await statistics.GetReportAsync(range, cancellationToken);
        return TypedResults.File(MonthlyReportCsv.Build(report, hall.Current.Definition.Name), "text/csv; charset=utf-8", $"stats-{range.FromKey}-{range.ToKey}.csv");
    }

    public static async Task<Ok<StaffingReport>> GetStaffingAsync(string? date, string? targetWaitMinutes, string? serviceLevel, StaffingAdvisor advisor,
        CancellationToken cancellationToken)
    {
        var day = HallDateRange.ParseDate(date, "date");
        var target = ParseNumber(targetWaitMinutes, 15, "targetWaitMinutes", 0, 24 * 60, "目标等候分钟数须大于0且不超过1440。targetWaitMinutes must be above 0 and at most 1440.");
        var level = ParseNumber(serviceLevel, 0.8, "serviceLevel", 0, 1, "serviceLevel 须在0与1之间（如0.8）。serviceLevel must be between 0 and 1 (e.g. 0.8).");
        if (level >= 1)
        {
            throw QueueRuleException.BadRequest("invalidServiceLevel", "serviceLevel 须小于1。serviceLevel must be below 1.");
        }
        return TypedResults.Ok(await advisor.GetDayAsync(day, target, level, cancellationToken));
    }

    private static double ParseNumber(string? text, double fallback, string name, double above, double atMost, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > above) || value > atMost)
        {
            throw QueueRuleException.BadRequest("invalid" + char.ToUpperInvariant(name[0]) + name[1..], message);
        }
        return value;
    }
}
