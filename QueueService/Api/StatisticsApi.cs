using System.Globalization;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>Statistics, the monthly report and staffing advice; who may read them is the hall's <c>security.statistics</c> (policy <see cref="HallPolicies.StatisticsReader"/>).</summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats", GetStatsAsync).WithTags("Statistics")
            .WithSummary("Per service, window, clerk and hour: issued, served, no-show, waits, service times, ratings").RequireStatisticsReader().Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated);
        app.MapGet("/api/reports/monthly", GetMonthlyReportAsync).WithTags("Statistics")
            .WithSummary("The monthly operations report (月报) as CSV (default) or an Excel workbook (format=xlsx)").RequireStatisticsReader().Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated);
        app.MapGet("/api/reports/stats", GetStatsCsvAsync).WithTags("Statistics")
            .WithSummary("Any range's statistics as the same CSV table, or format=xlsx").RequireStatisticsReader().Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated);
        app.MapGet("/api/staffing", GetStaffingAsync).WithTags("Statistics")
            .WithSummary("Per hour: arrivals, service time, open windows and the windows Erlang C recommends").RequireStatisticsReader().Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated);
        app.MapGet("/api/attendance", GetAttendanceAsync).WithTags("Supervision")
            .WithSummary("考勤 per clerk and open day: first login, last logout, late and early minutes against the opening hours, minutes paused, absent")
            .RequireSupervisor().Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<AttendanceDay>>> GetAttendanceAsync(string? from, string? to, Attendance attendance, CancellationToken cancellationToken) =>
        TypedResults.Ok(await attendance.GetAsync(HallDateRange.Parse(from, to), cancellationToken));

    public static async Task<Ok<StatsReport>> GetStatsAsync(string? from, string? to, StatisticsQueries statistics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await statistics.GetReportAsync(HallDateRange.Parse(from, to), cancellationToken));

    public static async Task<FileContentHttpResult> GetMonthlyReportAsync(string? month, string? format, StatisticsQueries statistics, HallCatalogHolder hall,
        Attendance attendance, HttpContext http)
    {
        var kind = ReportFormat.Parse(format);
        var range = HallDateRange.ParseMonth(month);
        var report = await statistics.GetReportAsync(range, http.RequestAborted);
        // 考勤 is the staff's own record: in the workbook only when a supervisor or the administrator downloads it.
        var staffOnly = kind == ReportFormat.Xlsx && (http.User.IsInRole(HallSchemes.RoleSupervisor) || http.User.IsInRole(HallSchemes.RoleAdministrator))
            ? await attendance.GetAsync(range, http.RequestAborted)
            : null;
        return ReportFormat.File(kind, report, hall.Current.Definition.Name, $"monthly-report-{range.From:yyyy-MM}", staffOnly);
    }

    public static async Task<FileContentHttpResult> GetStatsCsvAsync(string? from, string? to, string? format, StatisticsQueries statistics, HallCatalogHolder hall,
        CancellationToken cancellationToken)
    {
        var kind = ReportFormat.Parse(format);
        var range = HallDateRange.Parse(from, to);
        var report = await statistics.GetReportAsync(range, cancellationToken);
        return ReportFormat.File(kind, report, hall.Current.Definition.Name, $"stats-{range.FromKey}-{range.ToKey}");
    }

    public static async Task<Ok<StaffingReport>> GetStaffingAsync(string? date, string? targetWaitMinutes, string? serviceLevel, StaffingAdvisor advisor,
        CancellationToken cancellationToken)
    {
        var day = HallDateRange.ParseDate(date, "date");
        var target = ParseNumber(targetWaitMinutes, 15, 0, 24 * 60, QueueProblems.InvalidTargetWaitMinutes);
        var level = ParseNumber(serviceLevel, 0.8, 0, 1, QueueProblems.InvalidServiceLevel);
        if (level >= 1)
        {
            throw QueueProblems.InvalidServiceLevel();
        }
        return TypedResults.Ok(await advisor.GetDayAsync(day, target, level, cancellationToken));
    }

    private static double ParseNumber(string? text, double fallback, double above, double atMost, Func<QueueRuleException> refusal)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > above) || value > atMost)
        {
            throw refusal();
        }
        return value;
    }
}
