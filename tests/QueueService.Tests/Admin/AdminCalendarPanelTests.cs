using System.Globalization;
using System.Net.Http.Json;
using Hall.QueueService.Tests.Appointments;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Admin;

/// <summary>
/// The administration page's calendar panel in headless Chromium against a real server process: the shipped 2026
/// notice pasted and applied, a typing slip named by its line, and a booking on a newly declared holiday listed.
/// </summary>
public sealed class AdminCalendarPanelTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_notice_typed_on_the_page_takes_effect_and_a_stranded_booking_is_listed()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("admincalendar")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var page = await AdminPage.LogInAsync(context, server.BaseUrl);
        var hallYear = (await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/hall"))!["now"]!.GetValue<string>()[..4];
        await Assertions.Expect(page.Locator("#calendar-year")).ToHaveValueAsync(hallYear);

        // The shipped 2026 notice, applied for 2026.
        await page.Locator("#calendar-year").FillAsync("2026");
        await page.Locator("#calendar-year").DispatchEventAsync("change");
        await page.Locator("#calendar-text").FillAsync(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "deploy", "calendar", "2026.txt")));
        await page.Locator("#calendar-apply").ClickAsync();
        await Assertions.Expect(page.Locator("#calendar-message")).ToHaveTextAsync("已生效：放假 33 天，调休上班 6 天。");
        var year = await http.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/api/calendar?year=2026");
        Assert.Equal(39, year!.Count);

        // A slip is named by its line, in the page's language.
        await page.Locator("#calendar-text").FillAsync("国庆节 2026-10-01..2026-10-07 休\n国庆节 2026-10-1O 班");
        await page.Locator("#calendar-apply").ClickAsync();
        await Assertions.Expect(page.Locator("#calendar-message")).ToContainTextAsync("未生效");
        await Assertions.Expect(page.Locator("#calendar-message")).ToContainTextAsync("第2行");
        Assert.Equal(39, (await http.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/api/calendar?year=2026"))!.Count);

        // A booking made for a coming day, which the administrator then declares a holiday.
        var slot = await FirstBookableSlotAsync(http);
        var booking = await http.BookAsync(1, slot.Start, AppointmentClient.Phone(42));
        var date = slot.Start.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.Locator("#calendar-year").FillAsync(date[..4]);
        await page.Locator("#calendar-year").DispatchEventAsync("change");
        await page.Locator("#calendar-text").FillAsync($"临时闭厅 {date} 休");
        await page.Locator("#calendar-apply").ClickAsync();
        await Assertions.Expect(page.Locator("#calendar-to-move")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#calendar-bookings li")).ToContainTextAsync(booking.Code);
        Assert.Empty(await http.SlotsAsync(1, date));
        await page.Locator("#calendar-panel").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "admin-calendar-zh");

        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(page.Locator("#calendar-panel h2")).ToHaveTextAsync("Holidays and make-up workdays");
        await Assertions.Expect(page.Locator("#calendar-message")).ToHaveTextAsync("In force: 1 holidays and 0 make-up workdays.");
    }

    private static async Task<Hall.QueueService.Appointments.AppointmentSlot> FirstBookableSlotAsync(HttpClient http)
    {
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date;
        for (var day = 1; day <= 7; day++)
        {
            var date = today.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if ((await http.SlotsAsync(1, date)).FirstOrDefault(s => s.Bookable) is { } slot)
            {
                return slot;
            }
        }
        throw new InvalidOperationException("The demo hall offers no bookable slot in the coming week.");
    }
}
