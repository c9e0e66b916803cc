using System.Net.Http.Json;
using System.Text;
using Hall.QueueService.Statistics;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Statistics;

/// <summary>A small morning driven through the public API, then read back as statistics, the monthly CSV and staffing advice.</summary>
public abstract class SmallDayTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: hallDatabase);

    public void Dispose() => _hall.Dispose();

    private async Task ServeAsync(HttpClient clerk, int window, int serviceMinutes, int? rating)
    {
        await clerk.ActAsync(window, "call-next");
        _hall.Clock.Advance(TimeSpan.FromMinutes(1));
        await clerk.ActAsync(window, "start");
        _hall.Clock.Advance(TimeSpan.FromMinutes(serviceMinutes));
        await clerk.ActAsync(window, "finish");
        if (rating is { } level)
        {
            _hall.Clock.Advance(TimeSpan.FromSeconds(20));
            var response = await _hall.CreateClient().PostAsJsonAsync($"/api/windows/{window}/rate", new { level });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private async Task DriveMorningAsync()
    {
        await _hall.IssueAsync(1);   // A001
        await _hall.IssueAsync(1);   // A002
        await _hall.IssueAsync(1);   // A003
        await _hall.IssueAsync(2);   // B001
        var wang = await _hall.LoginAsync(1, "1001");
        var li = await _hall.LoginAsync(2, "1002");
        _hall.Clock.Advance(TimeSpan.FromMinutes(5));
        await ServeAsync(wang, 1, 10, 5);                  // A001 at window 1: 非常满意
        await wang.ActAsync(1, "call-next");               // A002 does not come
        _hall.Clock.Advance(TimeSpan.FromMinutes(2));
        await wang.ActAsync(1, "no-show");
        await ServeAsync(li, 2, 6, 3);                     // A003 at window 2: 基本满意
        await ServeAsync(wang, 1, 20, 1);                  // B001 at window 1: 非常不满意
    }

    [Fact]
    public async Task Stats_count_issued_served_no_show_and_the_satisfaction_rate()
    {
        await DriveMorningAsync();
        var report = (await _hall.CreateClient().GetFromJsonAsync<StatsReport>("/api/stats?from=2026-11-23&to=2026-11-23", Json.Options))!;
        Assert.Equal((4, 3, 1L), (report.Total.Issued, report.Total.Served, report.Total.NoShow));
        Assert.Equal(3, report.Total.Rated);
        Assert.Equal(0.6667, report.Total.SatisfactionRate);
        var a = report.Services.Single(s => s.ServiceId == 1);
        Assert.Equal((3, 2, 1L), (a.Issued, a.Served, a.NoShow));
        Assert.Equal(1.0, a.SatisfactionRate);
        var window1 = report.Windows.Single(w => w.WindowNumber == 1);
        Assert.Equal((2, 1L), (window1.Served, window1.NoShow));
        Assert.Equal(0.5, window1.SatisfactionRate);
        Assert.True(window1.APostHours > 0);
        Assert.Equal(1, report.Clerks.Single(c => c.StaffCode == "1002").Served);
        Assert.Equal(900, report.Clerks.Single(c => c.StaffCode == "1001").AvgServiceSeconds);   // (10 + 20) / 2 minutes
    }

    [Fact]
    public async Task The_monthly_csv_opens_in_excel_with_chinese_headers()
    {
        await DriveMorningAsync();
        var response = await _hall.CreateClient().GetAsync("/api/reports/monthly?month=2026-11");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("统计区间,类别,编号,名称,取号量,办结量,过号量", lines[0]);
        var total = lines[1].Split(',');
        Assert.Equal(["2026-11", "合计"], total[..2]);
        Assert.Equal(["4", "3", "1"], total[4..7]);
        Assert.Equal("66.7%", total[Array.IndexOf(MonthlyReportCsv.Headers, "满意率")]);
        Assert.Contains(lines, l => l.StartsWith("2026-11,事项,1,企业开办,3,2,1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-11,工作人员,1001,王丽", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Any_range_exports_as_the_same_csv()
    {
        await DriveMorningAsync();
        var bytes = await _hall.CreateClient().GetByteArrayAsync("/api/reports/stats?from=2026-11-20&to=2026-11-23");
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', MonthlyReportCsv.Headers), lines[0]);
        Assert.StartsWith("2026-11-20至2026-11-23,合计,,示范县政务服务中心,4,3,1", lines[1]);
    }

    [Fact]
    public async Task The_monthly_report_as_xlsx_has_a_sheet_each_with_chinese_headers_and_numbers()
    {
        await DriveMorningAsync();
        var response = await _hall.CreateClient().GetAsync("/api/reports/monthly?month=2026-11&format=xlsx");
        response.EnsureSuccessStatusCode();
        Assert.Equal(MonthlyReportXlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("monthly-report-2026-11.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(["汇总", "事项", "窗口", "工作人员", "评价", "满意度排名"], MiniExcelLibs.MiniExcel.GetSheetNames(workbook));
        var total = Rows(workbook, "汇总").Single();
        Assert.Equal("2026-11", total["统计区间"]);
        Assert.Equal("示范县政务服务中心", total["大厅"]);
        Assert.Equal((4.0, 3.0, 1.0), (total["取号量"], total["办结量"], total["过号量"]));
        Assert.Equal(0.6667, total["满意率"]);
        var service = Rows(workbook, "事项").Single(r => r["名称"] as string == "企业开办");
        Assert.Equal((3.0, 2.0, 1.0), (service["取号量"], service["办结量"], service["过号量"]));
        Assert.Equal(1.0, service["满意率"]);
        Assert.Equal(0.5, Rows(workbook, "窗口").Single(r => r["编号"] is 1.0)["满意率"]);
        var wang = Rows(workbook, "工作人员").Single(r => r["编号"] as string == "1001");
        Assert.Equal("王丽", wang["名称"]);
        Assert.Equal(15.0, wang["平均办理(分钟)"]);   // (10 + 20) / 2 minutes
        Assert.True((double)wang["A岗在岗(小时)"]! > 0);
        var ratings = Rows(workbook, "评价");
        var hall = ratings.Single(r => r["类别"] as string == "合计");
        Assert.Equal((1.0, 1.0, 1.0, 3.0), (hall["非常满意"], hall["基本满意"], hall["非常不满意"], hall["评价数"]));
        Assert.Contains(ratings, r => r["类别"] as string == "窗口" && r["名称"] is string);

        // Shares are numbers shown as percentages; columns are wide enough to read.
        workbook.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(workbook);
        var styles = await new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("formatCode=\"0.0%\"", styles);
        var sheet = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("customWidth=\"1\"", sheet);
    }

    [Fact]
    public async Task Any_range_exports_as_xlsx_too_and_an_unknown_format_is_refused()
    {
        await DriveMorningAsync();
        var client = _hall.CreateClient();
        using var workbook = new MemoryStream(await client.GetByteArrayAsync("/api/reports/stats?from=2026-11-20&to=2026-11-23&format=xlsx"));
        var total = Rows(workbook, "汇总").Single();
        Assert.Equal("2026-11-20至2026-11-23", total["统计区间"]);
        Assert.Equal(4.0, total["取号量"]);
        var refused = await client.GetAsync("/api/reports/monthly?month=2026-11&format=pdf");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("invalidFormat", await refused.Content.ReadAsStringAsync());
    }

    private static List<IDictionary<string, object?>> Rows(MemoryStream workbook, string sheet)
    {
        workbook.Position = 0;
        return MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task Staffing_recommends_at_least_one_window_in_hours_with_arrivals_by_erlang_c()
    {
        await DriveMorningAsync();
        var report = (await _hall.CreateClient().GetFromJsonAsync<StaffingReport>("/api/staffing?date=2026-11-23&targetWaitMinutes=15&serviceLevel=0.8", Json.Options))!;
        var nine = Assert.Single(report.Hours);
        Assert.Equal(9, nine.Hour);
        Assert.Equal(4, nine.Arrivals);
        Assert.Equal(2, nine.OpenWindows);
        Assert.Equal(12 * 60, nine.AvgServiceSeconds);     // (10 + 6 + 20) / 3 minutes
        Assert.Equal(ErlangC.RequiredServers(4, 720, 900, 0.8), nine.RecommendedWindows);
        Assert.True(nine.RecommendedWindows >= 1);
    }
}

public sealed class SmallDayOnSqliteTests() : SmallDayTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class SmallDayOnPostgresTests(PostgresServer postgres) : SmallDayTests(HallDatabase.Postgres(postgres));
