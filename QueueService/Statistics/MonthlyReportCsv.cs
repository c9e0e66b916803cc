using System.Globalization;
using System.Text;

namespace Hall.QueueService.Statistics;

/// <summary>
/// 政务服务大厅月度运行情况报表: the figures a hall sends upward by the 5th of the next month, as CSV in UTF-8 with a
/// byte-order mark so that Excel shows the Chinese headers. One header line, then the total, each service, each window
/// and each clerk.
/// </summary>
public static class MonthlyReportCsv
{
    public static readonly string[] Headers =
    [
        "统计区间", "类别", "编号", "名称", "取号量", "办结量", "过号量", "转办量", "取消量",
        "平均等候(分钟)", "90%等候(分钟)", "平均办理(分钟)", "窗口办理时长达标率",
        "即办件", "承诺件", "补正", "不予受理", "咨询", "当天办结率", "即办件率", "承诺件到期", "承诺件逾期", "延时服务",
        "评价数", "评价率", "非常满意", "满意", "基本满意", "不满意", "非常不满意", "满意率",
        "A岗在岗(小时)", "B岗在岗(小时)", "预计等候误差(分钟)",
    ];

    public static byte[] Build(StatsReport report, string hallName)
    {
        var period = Period(report);
        var csv = new StringBuilder();
        AppendLine(csv, Headers);
        AppendLine(csv, Row(period, "合计", "", hallName, report.Total, null, null));
        foreach (var s in report.Services)
        {
            AppendLine(csv, Row(period, "事项", s.ServiceId.ToString(CultureInfo.InvariantCulture), s.ServiceName, s, null, null));
        }
        foreach (var w in report.Windows)
        {
            AppendLine(csv, Row(period, "窗口", w.WindowNumber.ToString(CultureInfo.InvariantCulture), w.WindowName, w, w.APostHours, w.BPostHours));
        }
        foreach (var c in report.Clerks)
        {
            AppendLine(csv, Row(period, "工作人员", c.StaffCode, $"{c.Name}（{c.Unit}）", c, c.APostHours, c.BPostHours));
        }
        var bom = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(csv.ToString());
        return [.. bom, .. body];
    }

    /// <summary>"2026-11" for a whole month, otherwise "2026-11-02至2026-11-08".</summary>
    public static string Period(StatsReport report) =>
        report.From[..7] == report.To[..7] && report.From.EndsWith("-01", StringComparison.Ordinal) ? report.From[..7] : $"{report.From}至{report.To}";

    private static string[] Row(string period, string kind, string id, string name, StatsFigures f, double? aHours, double? bHours) =>
    [
        period, kind, id, name,
        N(f.Issued), N(f.Served), N(f.NoShow), N(f.Transferred), N(f.Cancelled),
        Minutes(f.AvgWaitSeconds), Minutes(f.P90WaitSeconds), Minutes(f.AvgServiceSeconds), Percent(f.WithinPromisedShare),
        N(f.Outcomes["completed"]), N(f.Outcomes["accepted"]), N(f.Outcomes["supplement"]), N(f.Outcomes["refused"]), N(f.Outcomes["consulted"]),
        Percent(f.SameDayCompletionRate), Percent(f.OnTheSpotRate), N(f.PromisedDue), N(f.PromisedOverdue), N(f.AfterHoursServed),
        N(f.Rated), Percent(f.RatedShare), N(f.VerySatisfied), N(f.Satisfied), N(f.BasicallySatisfied), N(f.Dissatisfied), N(f.VeryDissatisfied),
        Percent(f.SatisfactionRate),
        aHours?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", bHours?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
        f.WaitEstimateErrorMinutes?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
    ];

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Minutes(double? seconds) => seconds is { } s ? (s / 60).ToString("0.0", CultureInfo.InvariantCulture) : "";

    private static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";

    public static void AppendLine(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Escape)).Append("\r\n");
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is defused so a name cannot become a spreadsheet formula.</summary>
    public static string Escape(string field)
    {
        if (field.Length > 0 && "=+-@".Contains(field[0]) && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            field = "'" + field;
        }
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
