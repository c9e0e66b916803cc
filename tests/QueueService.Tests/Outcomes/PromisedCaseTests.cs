using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.QueueService.Tests.AfterHours;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Outcomes;

/// <summary>
/// 承诺件 after the visit and 延时服务 in the figures, in a hall open 09:00–12:00 and 13:30–17:00. Two 承诺件 of one
/// working day are accepted on Monday 23 November 2026 (due Tuesday): one completed on Tuesday, the other only on
/// Wednesday (overdue); a third visit is finished after closing. /api/stats, the monthly CSV and the workbook count them.
/// </summary>
public abstract class PromisedCaseTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(AfterHoursServiceTests.HallWith(ticketingMinutesAfterClosing: 0), hallDatabase);

    public void Dispose() => _hall.Dispose();

    private void At(int day, int hour, int minute = 0) =>
        _hall.Clock.Advance(new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8)) - _hall.Clock.GetUtcNow());

    [Fact]
    public async Task Promised_cases_are_completed_by_staff_and_counted_due_and_overdue_beside_the_after_hours_visits()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        var onTime = await _hall.IssueAsync(1);
        var late = await _hall.IssueAsync(1);
        var evening = await _hall.IssueAsync(1);
        foreach (var caseNumber in new[] { "QY-001", "QY-002" })
        {
            await clerk.ActAsync(1, "call-next");
            await clerk.ActAsync(1, "finish", new { outcome = "accepted", promisedWorkingDays = 1, caseNumber });
        }
        At(23, 17, 5);   // after closing: 延时服务
        await clerk.ActAsync(1, "call-next");
        await clerk.ActAsync(1, "finish", new { outcome = "completed" });

        var supervisor = await _hall.LoginSupervisorAsync();
        var open = await supervisor.GetFromJsonAsync<JsonElement>("/api/promised-cases");
        Assert.Equal(["QY-001", "QY-002"], open.EnumerateArray().Select(c => c.GetProperty("caseNumber").GetString()));
        Assert.All(open.EnumerateArray(), c => Assert.Equal("2026-11-24", c.GetProperty("dueDate").GetString()));

        At(24, 10);
        var nextDay = await _hall.LoginAsync(1, "1001");   // a login ends with its day
        (await nextDay.PostAsync($"/api/promised-cases/{onTime.Id}/complete", null)).EnsureSuccessStatusCode();   // the clerk, on time
        supervisor = await _hall.LoginSupervisorAsync();   // so does a supervisor's
        var twice = await supervisor.PostAsync($"/api/promised-cases/{onTime.Id}/complete", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("promisedCaseCompleted", await twice.ProblemCodeAsync());
        Assert.Equal("noPromisedCase", await (await supervisor.PostAsync($"/api/promised-cases/{evening.Id}/complete", null)).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().GetAsync("/api/promised-cases")).StatusCode);

        At(25, 10);
        supervisor = await _hall.LoginSupervisorAsync();
        var stillOpen = Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>("/api/promised-cases")).EnumerateArray());
        Assert.Equal(late.Id.ToString(), stillOpen.GetProperty("ticketId").GetString());
        Assert.True(stillOpen.GetProperty("overdue").GetBoolean());
        (await supervisor.PostAsync($"/api/promised-cases/{late.Id}/complete", null)).EnsureSuccessStatusCode();   // a day late

        var stats = await supervisor.GetFromJsonAsync<JsonElement>("/api/stats?from=2026-11-01&to=2026-11-30");
        foreach (var figures in new[]
        {
            stats.GetProperty("total"),
            stats.GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("windowNumber").GetInt32() == 1),
            stats.GetProperty("clerks").EnumerateArray().Single(c => c.GetProperty("staffCode").GetString() == "1001"),
            stats.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("serviceId").GetInt32() == 1),
        })
        {
            Assert.Equal((2, 1, 1), (figures.GetProperty("promisedDue").GetInt32(), figures.GetProperty("promisedOverdue").GetInt32(),
                figures.GetProperty("afterHoursServed").GetInt32()));
        }

        var csv = (await supervisor.GetStringAsync("/api/reports/monthly?month=2026-11")).TrimStart('\uFEFF').Split("\r\n");
        var headers = csv[0].Split(',');
        var total = csv[1].Split(',');
        Assert.Equal("2", total[Array.IndexOf(headers, "承诺件到期")]);
        Assert.Equal("1", total[Array.IndexOf(headers, "承诺件逾期")]);
        Assert.Equal("1", total[Array.IndexOf(headers, "延时服务")]);
    }

    [Fact]
    public async Task The_workbook_carries_attendance_only_for_a_supervisor()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        At(23, 16, 30);
        (await clerk.PostAsync("/api/windows/1/logout", null)).EnsureSuccessStatusCode();
        At(24, 9);

        var supervisor = await _hall.LoginSupervisorAsync();
        using var staffCopy = new MemoryStream(await supervisor.GetByteArrayAsync("/api/reports/monthly?month=2026-11&format=xlsx"));
        Assert.Equal(["汇总", "事项", "窗口", "工作人员", "评价", "满意度排名", "考勤汇总", "考勤"], MiniExcelLibs.MiniExcel.GetSheetNames(staffCopy));
        staffCopy.Position = 0;
        var days = MiniExcelLibs.MiniExcel.Query(staffCopy, useHeaderRow: true, sheetName: "考勤").Cast<IDictionary<string, object?>>().ToList();
        var monday = Assert.Single(days, d => d["编号"] as string == "1001" && d["日期"] as string == "2026-11-23");
        Assert.Equal(("09:00", "16:30", 30.0), (monday["首次登录"], monday["最后退出"], monday["早退(分钟)"]));
        staffCopy.Position = 0;
        var summary = MiniExcelLibs.MiniExcel.Query(staffCopy, useHeaderRow: true, sheetName: "考勤汇总").Cast<IDictionary<string, object?>>()
            .Single(r => r["编号"] as string == "1001");
        Assert.Equal(1.0, summary["出勤天数"]);

        using var publicCopy = new MemoryStream(await _hall.CreateClient().GetByteArrayAsync("/api/reports/monthly?month=2026-11&format=xlsx"));
        Assert.DoesNotContain("考勤", MiniExcelLibs.MiniExcel.GetSheetNames(publicCopy));
    }
}

public sealed class PromisedCaseOnSqliteTests() : PromisedCaseTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PromisedCaseOnPostgresTests(PostgresServer postgres) : PromisedCaseTests(HallDatabase.Postgres(postgres));
