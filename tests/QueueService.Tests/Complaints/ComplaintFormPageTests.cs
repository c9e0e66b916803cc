using System.Globalization;
using System.Text.Json.Nodes;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using static Hall.QueueService.Tests.Supervision.SupervisionPageTests;

namespace Hall.QueueService.Tests.Complaints;

/// <summary>The phone's complaint form (/m/complaint.html) in headless Chromium against the real server process.</summary>
public sealed class ComplaintFormPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_citizen_sends_a_complaint_from_the_phone_and_sees_its_reference_and_due_day_and_a_refusal_in_the_servers_words()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("complaint-form")]);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, TimezoneId = "Europe/London",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/m/");
        await page.Locator("#complaint-link").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("网上投诉");

        // Without content nothing is sent.
        await page.Locator("#submit").ClickAsync();
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("请填写投诉内容。");

        await page.Locator("#content").FillAsync("窗口工作人员态度生硬，材料要求前后说法不一。");
        await page.Locator("#window").FillAsync("1");
        await page.Locator("#staff").FillAsync("1001");
        await page.Locator("#contact-name").FillAsync("张三");
        await page.Locator("#contact-phone").FillAsync("13800138000");
        await page.Locator("#submit").ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToBeVisibleAsync();
        var reference = await page.Locator("#reference").TextContentAsync();

        // The server has it, from the web, about window 1 and clerk 1001, with the phone masked to supervisors.
        using var admin = AdministratorClient(server.BaseUrl);
        var stored = JsonNode.Parse(await admin.GetStringAsync($"/api/complaints/{reference}"))!;
        Assert.Equal(("web", 1, "1001", "138****8000"), (stored["channel"]!.GetValue<string>(), stored["windowNumber"]!.GetValue<int>(),
            stored["staffCode"]!.GetValue<string>(), stored["contactPhone"]!.GetValue<string>()));
        Assert.Contains(JsonNode.Parse(await admin.GetStringAsync("/api/complaints?status=open"))!.AsArray(), c => c!["id"]!.GetValue<string>() == reference);
        // The due day in the hall's words: the last day of the deadline in the hall's zone (the phone is in London).
        var lastDay = stored["dueAt"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(8)).AddTicks(-1);
        var weekday = new[] { "星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六" }[(int)lastDay.DayOfWeek];
        await Assertions.Expect(page.Locator("#due")).ToHaveTextAsync(
            string.Create(CultureInfo.InvariantCulture, $"我们将在 {lastDay.Year}年{lastDay.Month}月{lastDay.Day}日（{weekday}）前核实并答复。"));
        await ChromiumFixture.ScreenshotAsync(page, "phone-complaint-received");

        // A refusal (400: no such window) shows the server's problem text, and follows the language switch.
        await page.Locator("#again").ClickAsync();
        await page.Locator("#content").FillAsync("九十九号窗口无人。");
        await page.Locator("#window").FillAsync("99");
        await page.Locator("#submit").ClickAsync();
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("windowNumber: 本大厅没有 99 号窗口。");
        await ChromiumFixture.ScreenshotAsync(page, "phone-complaint-refused");
        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("windowNumber: the hall has no window 99.");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Make a complaint");
        Assert.Single(JsonNode.Parse(await admin.GetStringAsync("/api/complaints?status=all"))!.AsArray());
        await context.CloseAsync();
    }
}
