using System.Globalization;
using System.Text;
using Hall.QueueService.Statistics;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Hall.QueueService.City;

/// <summary>
/// The month across the city's halls, with the comparison the assessment uses (取号量, 办结量, 当天办结率, 满意率,
/// 差评整改率, average and 90 % wait): CSV with one row per hall (UTF-8 with a byte-order mark, for Excel), or a
/// workbook whose sheet 各厅对比 ends with the city's total.
/// </summary>
public static class CityMonthlyReport
{
    private static readonly (string Key, string Header, string? Format)[] Columns =
    [
        ("period", "统计区间", null), ("hallId", "大厅编号", null), ("hall", "大厅名称", null),
        ("issued", "取号量", "0"), ("served", "办结量", "0"), ("noShow", "过号量", "0"),
        ("sameDayCompletion", "当天办结率", "0.0%"), ("onTheSpot", "即办件率", "0.0%"),
        ("rated", "评价数", "0"), ("satisfaction", "满意率", "0.0%"), ("badRatings", "差评数", "0"), ("rectified", "差评整改率", "0.0%"),
        ("avgWait", "平均等候(分钟)", "0.0"), ("p90Wait", "90%等候(分钟)", "0.0"),
    ];

    public static byte[] Csv(CityStatsReport report)
    {
        var period = Period(report);
        var csv = new StringBuilder();
        MonthlyReportCsv.AppendLine(csv, Columns.Select(c => c.Header));
        foreach (var hall in report.Halls)
        {
            var row = Row(period, hall);
            MonthlyReportCsv.AppendLine(csv, Columns.Select(c => Text(row[c.Key], c.Format)));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(CityStatsReport report, string cityName)
    {
        var period = Period(report);
        List<Dictionary<string, object?>> rows = [.. report.Halls.Select(h => Row(period, h)), Row(period, report.Total with { HallName = cityName + " 合计" })];
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["各厅对比"] = rows }, configuration: new OpenXmlConfiguration
        {
            DynamicColumns = [.. Columns.Select(c => new DynamicExcelColumn(c.Key) { Name = c.Header, Format = c.Format, Width = c.Format is null ? 20 : 12 })],
        });
        return stream.ToArray();
    }

    private static string Period(CityStatsReport report) =>
        report.From[..7] == report.To[..7] && report.From.EndsWith("-01", StringComparison.Ordinal) ? report.From[..7] : $"{report.From}至{report.To}";

    private static Dictionary<string, object?> Row(string period, HallStats f) => new()
    {
        ["period"] = period, ["hallId"] = f.HallId, ["hall"] = f.HallName,
        ["issued"] = f.Issued, ["served"] = f.Served, ["noShow"] = f.NoShow,
        ["sameDayCompletion"] = f.SameDayCompletionRate, ["onTheSpot"] = f.OnTheSpotRate,
        ["rated"] = f.Rated, ["satisfaction"] = f.SatisfactionRate, ["badRatings"] = f.Dissatisfied + f.VeryDissatisfied, ["rectified"] = f.RectifiedRate,
        ["avgWait"] = f.AvgWaitSeconds is { } a ? Math.Round(a / 60, 2) : null, ["p90Wait"] = f.P90WaitSeconds is { } p ? Math.Round(p / 60, 2) : null,
    };

    private static string Text(object? value, string? format) => value switch
    {
        null => "",
        double share when format == "0.0%" => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        double number => number.ToString("0.0", CultureInfo.InvariantCulture),
        long count => count.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
