using Hall.QueueService.Queue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Statistics;

/// <summary>The <c>format</c> of a report download: CSV (the default, as before) or an Excel workbook.</summary>
public enum ReportFormat
{
    Csv,
    Xlsx,
}

public static class ReportFormats
{
    extension(ReportFormat)
    {
        public static ReportFormat Parse(string? format) => format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "csv" => ReportFormat.Csv,
            "xlsx" => ReportFormat.Xlsx,
            _ => throw QueueProblems.InvalidFormat(),
        };

        /// <param name="attendance">考勤 for the workbook's attendance sheets; only for a supervisor's or administrator's download.</param>
        public static FileContentHttpResult File(ReportFormat format, StatsReport report, string hallName, string fileStem,
            IReadOnlyList<AttendanceDay>? attendance = null) => format == ReportFormat.Xlsx
            ? TypedResults.File(MonthlyReportXlsx.Build(report, hallName, attendance), MonthlyReportXlsx.ContentType, fileStem + ".xlsx")
            : TypedResults.File(MonthlyReportCsv.Build(report, hallName), "text/csv; charset=utf-8", fileStem + ".csv");
    }
}
