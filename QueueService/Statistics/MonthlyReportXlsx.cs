using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Hall.QueueService.Statistics;

/// <summary>
/// The same report as <see cref="MonthlyReportCsv"/> as an Excel workbook (MiniExcel): sheets 汇总, 事项, 窗口,
/// 工作人员 and 评价 with Chinese headers; counts and minutes are numbers, shares are numbers formatted as percentages.
/// </summary>
public static class MonthlyReportXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Each column key once: its header, number format and width, whichever sheet it is on.</summary>
    private static readonly DynamicExcelColumn[] Columns =
    [
        Text("period", "统计区间", 24), Text("hall", "大厅", 24), Text("generatedAt", "生成时间", 20),
        Text("kind", "类别", 10), Text("id", "编号", 16), Text("name", "名称", 24), Text("category", "类别", 14),
        Number("promisedMinutes", "窗口办理时长(分钟)", "0", 16), Text("unit", "单位", 20),
        Number("issued", "取号量", "0", 10), Number("served", "办结量", "0", 10), Number("noShow", "过号量", "0", 10),
        Number("transferred", "转办量", "0", 10), Number("cancelled", "取消量", "0", 10),
        Number("avgWait", "平均等候(分钟)", "0.0", 15), Number("p90Wait", "90%等候(分钟)", "0.0", 15),
        Number("avgService", "平均办理(分钟)", "0.0", 15), Number("withinPromised", "窗口办理时长达标率", "0.0%", 18),
        Number("completed", "即办件", "0", 8), Number("accepted", "承诺件", "0", 8), Number("supplement", "补正", "0", 8),
        Number("refused", "不予受理", "0", 10), Number("consulted", "咨询", "0", 8),
        Number("sameDayCompletion", "当天办结率", "0.0%", 12), Number("onTheSpot", "即办件率", "0.0%", 10),
        Number("promisedDue", "承诺件到期", "0", 12), Number("promisedOverdue", "承诺件逾期", "0", 12), Number("afterHours", "延时服务", "0", 10),
        Text("date", "日期", 12), Text("firstLogin", "首次登录", 10), Text("lastLogout", "最后退出", 10),
        Number("lateMinutes", "迟到(分钟)", "0", 10), Number("earlyMinutes", "早退(分钟)", "0", 10), Number("pausedMinutes", "暂停(分钟)", "0", 10),
        Text("absent", "缺勤", 8), Number("presentDays", "出勤天数", "0", 10), Number("absentDays", "缺勤天数", "0", 10),
        Number("rated", "评价数", "0", 10), Number("ratedShare", "评价率", "0.0%", 10),
        Number("verySatisfied", "非常满意", "0", 10), Number("satisfied", "满意", "0", 8), Number("basicallySatisfied", "基本满意", "0", 10),
        Number("dissatisfied", "不满意", "0", 8), Number("veryDissatisfied", "非常不满意", "0", 12),
        Number("satisfaction", "满意率", "0.0%", 10),
        Number("aPostHours", "A岗在岗(小时)", "0.00", 14), Number("bPostHours", "B岗在岗(小时)", "0.00", 14),
        Number("estimateError", "预计等候误差(分钟)", "0.0", 18),
        Number("rank", "名次", "0", 8), Number("badRatings", "差评数", "0", 10),
    ];

    public static byte[] Build(StatsReport report, string hallName, IReadOnlyList<AttendanceDay>? attendance = null)
    {
        var period = MonthlyReportCsv.Period(report);
        var summary = Figures(report.Total, new()
        {
            ["period"] = period,
            ["hall"] = hallName,
            ["generatedAt"] = report.GeneratedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        var services = report.Services.Select(s => Figures(s, new()
        {
            ["id"] = s.ServiceId, ["name"] = s.ServiceName, ["category"] = s.Category, ["promisedMinutes"] = s.PromisedMinutes,
        })).ToList();
        var windows = report.Windows.Select(w => Figures(w, new()
        {
            ["id"] = w.WindowNumber, ["name"] = w.WindowName,
        }, w.APostHours, w.BPostHours)).ToList();
        var clerks = report.Clerks.Select(c => Figures(c, new()
        {
            ["id"] = c.StaffCode, ["name"] = c.Name, ["unit"] = c.Unit,
        }, c.APostHours, c.BPostHours)).ToList();
        List<Dictionary<string, object?>> ratings =
        [
            Ratings("合计", "", hallName, report.Total),
            .. report.Services.Select(s => Ratings("事项", s.ServiceId.ToString(System.Globalization.CultureInfo.InvariantCulture), s.ServiceName, s)),
            .. report.Windows.Select(w => Ratings("窗口", w.WindowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), w.WindowName, w)),
            .. report.Clerks.Select(c => Ratings("工作人员", c.StaffCode, c.Name, c)),
        ];
        var sheets = new Dictionary<string, object>
        {
            ["汇总"] = new[] { summary },
            ["事项"] = services,
            ["窗口"] = windows,
            ["工作人员"] = clerks,
            ["评价"] = ratings,
            ["满意度排名"] = Ranking(report.Ranking),
        };
        if (attendance is not null)
        {
            sheets["考勤汇总"] = AttendanceSummary(attendance);
            sheets["考勤"] = attendance.Select(AttendanceRow).ToList();
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: new OpenXmlConfiguration { DynamicColumns = Columns });
        return stream.ToArray();
    }

    /// <summary>考勤 per clerk over the month: days present and absent, minutes late, early and paused.</summary>
    private static List<Dictionary<string, object?>> AttendanceSummary(IReadOnlyList<AttendanceDay> days) =>
        days.GroupBy(d => d.StaffCode).Select(g => new Dictionary<string, object?>
        {
            ["id"] = g.Key, ["name"] = g.First().Name,
            ["presentDays"] = g.Count(d => !d.Absent), ["absentDays"] = g.Count(d => d.Absent),
            ["lateMinutes"] = g.Sum(d => d.LateMinutes), ["earlyMinutes"] = g.Sum(d => d.EarlyLeaveMinutes), ["pausedMinutes"] = g.Sum(d => d.PausedMinutes),
        }).ToList();

    private static Dictionary<string, object?> AttendanceRow(AttendanceDay d) => new()
    {
        ["id"] = d.StaffCode, ["name"] = d.Name, ["date"] = d.Date,
        ["firstLogin"] = d.FirstLoginAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ["lastLogout"] = d.LastLogoutAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ["lateMinutes"] = d.LateMinutes, ["earlyMinutes"] = d.EarlyLeaveMinutes, ["pausedMinutes"] = d.PausedMinutes,
        ["absent"] = d.Absent ? "是" : "",
    };

    /// <summary>满意度排名: windows, then clerks, each with at least the minimum of ratings.</summary>
    private static List<Dictionary<string, object?>> Ranking(SatisfactionRanking ranking) =>
    [
        .. ranking.Windows.Select(e => Ranked("窗口", e)),
        .. ranking.Clerks.Select(e => Ranked("工作人员", e)),
    ];

    private static Dictionary<string, object?> Ranked(string kind, RankedEntry e) => new()
    {
        ["kind"] = kind, ["rank"] = e.Rank, ["id"] = e.Id, ["name"] = e.Name, ["rated"] = e.Rated,
        ["satisfaction"] = e.SatisfactionRate, ["badRatings"] = e.BadRatings,
    };

    private static Dictionary<string, object?> Figures(StatsFigures f, Dictionary<string, object?> row, double? aHours = null, double? bHours = null)
    {
        row["issued"] = f.Issued;
        row["served"] = f.Served;
        row["noShow"] = f.NoShow;
        row["transferred"] = f.Transferred;
        row["cancelled"] = f.Cancelled;
        row["avgWait"] = Minutes(f.AvgWaitSeconds);
        row["p90Wait"] = Minutes(f.P90WaitSeconds);
        row["avgService"] = Minutes(f.AvgServiceSeconds);
        row["withinPromised"] = f.WithinPromisedShare;
        foreach (var (kind, count) in f.Outcomes)
        {
            row[kind] = count;
        }
        row["sameDayCompletion"] = f.SameDayCompletionRate;
        row["onTheSpot"] = f.OnTheSpotRate;
        row["promisedDue"] = f.PromisedDue;
        row["promisedOverdue"] = f.PromisedOverdue;
        row["afterHours"] = f.AfterHoursServed;
        row["rated"] = f.Rated;
        row["ratedShare"] = f.RatedShare;
        row["satisfaction"] = f.SatisfactionRate;
        if (aHours is not null || bHours is not null)
        {
            row["aPostHours"] = aHours;
            row["bPostHours"] = bHours;
        }
        row["estimateError"] = f.WaitEstimateErrorMinutes;
        return row;
    }

    private static Dictionary<string, object?> Ratings(string kind, string id, string name, StatsFigures f) => new()
    {
        ["kind"] = kind, ["id"] = id, ["name"] = name,
        ["rated"] = f.Rated, ["ratedShare"] = f.RatedShare,
        ["verySatisfied"] = f.VerySatisfied, ["satisfied"] = f.Satisfied, ["basicallySatisfied"] = f.BasicallySatisfied,
        ["dissatisfied"] = f.Dissatisfied, ["veryDissatisfied"] = f.VeryDissatisfied,
        ["satisfaction"] = f.SatisfactionRate,
    };

    private static double? Minutes(double? seconds) => seconds is { } s ? Math.Round(s / 60, 2) : null;

    private static DynamicExcelColumn Text(string key, string name, double width) => new(key) { Name = name, Width = width };

    private static DynamicExcelColumn Number(string key, string name, string format, double width) => new(key) { Name = name, Format = format, Width = width };
}
