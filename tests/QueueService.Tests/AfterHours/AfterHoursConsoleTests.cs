using Hall.QueueService.HallSetup;
using Hall.QueueService.HallSetup.Calendar;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.AfterHours;

/// <summary>
/// 延时服务 from the clerk console in Chromium: a visit that cannot be served after hours is registered with its reason.
/// The hall file makes today a holiday, so the whole day is outside opening hours whatever the clock says.
/// </summary>
public sealed class AfterHoursConsoleTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_console_registers_a_refusal_after_hours_and_says_what_is_missing()
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");
        var demo = HallFileLoader.LoadDemoHall();
        var hall = demo with { Calendar = [new CalendarEntry { Date = today, Kind = CalendarDayKind.Holiday, Name = "测试假日" }] };
        var file = Path.Combine(TestPaths.NewTempDirectory("after-hours-console"), "hall.json");
        await File.WriteAllTextAsync(file, HallFileLoader.Serialize(hall));
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("after-hours-console-data"), "--Queue:HallFile=" + file]);

        var page = await chromium.NewPageAsync(1280, 900);
        await page.GotoAsync(server.BaseUrl + "/console/");
        await page.FillAsync("#window", "2");
        await page.FillAsync("#staff", "1002");
        await page.FillAsync("#pin", DemoCredentials.Pin);
        await page.ClickAsync("#login");
        await page.ClickAsync(".after-hours summary");
        await page.ClickAsync("#after-hours-refusal");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("理由");
        await page.FillAsync("#after-hours-reason", "审批系统已关闭，已约定明日优先办理");
        await page.ClickAsync("#after-hours-refusal");
        await Assertions.Expect(page.Locator("#after-hours-sent")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#after-hours-reason")).ToHaveValueAsync("");
    }
}
