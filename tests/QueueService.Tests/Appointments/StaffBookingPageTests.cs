using System.Net.Http.Json;
using Hall.QueueService.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using static Hall.QueueService.Tests.Supervision.SupervisionPageTests;

namespace Hall.QueueService.Tests.Appointments;

/// <summary>当面、电话预约 in Chromium: a clerk books at the counter from the console, a supervisor by phone from the dashboard.</summary>
public sealed class StaffBookingPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_clerk_books_at_the_counter_from_the_console_and_a_supervisor_by_phone_from_the_dashboard()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("staff-booking")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var console = await chromium.NewPageAsync(1280, 1100);
        await console.GotoAsync(server.BaseUrl + "/console/");
        await console.FillAsync("#window", "1");
        await console.FillAsync("#staff", "1001");
        await console.FillAsync("#pin", DemoCredentials.Pin);
        await console.ClickAsync("#login");
        var form = console.Locator("#staff-booking form");
        await Assertions.Expect(form.Locator("h3")).ToHaveTextAsync("代群众预约（当面、电话）");
        await Assertions.Expect(form.Locator("select[name=slot] option").First).ToContainTextAsync("余 ");
        await form.Locator("input[name=name]").FillAsync("张三");
        await form.Locator("input[name=phone]").FillAsync("13800000001");
        await form.Locator("button.book").ClickAsync();
        var result = form.Locator(".booking-result");
        await Assertions.Expect(result).ToContainTextAsync("已预约，预约码");
        var code = await result.GetAttributeAsync("data-code");
        await form.ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(console, "console-staff-booking");
        var booked = await http.GetFromJsonAsync<AppointmentView>($"/api/appointments/{code}", Json.Options);
        Assert.Equal(AppointmentChannels.Counter, booked!.Channel);

        // The same citizen again is refused with the reason, in the form.
        await form.Locator("input[name=name]").FillAsync("张三");
        await form.Locator("input[name=phone]").FillAsync("13800000001");
        await form.Locator("button.book").ClickAsync();
        await Assertions.Expect(result).ToHaveClassAsync("booking-result error");

        var dashboard = await chromium.NewPageAsync(1600, 1200);
        await dashboard.GotoAsync(server.BaseUrl + "/supervision");
        await LogInOnPageAsync(dashboard, "9001", DemoCredentials.Pin);
        var panel = dashboard.Locator("#booking-panel form");
        await Assertions.Expect(panel.Locator("select[name=slot] option").First).ToContainTextAsync("余 ");
        await panel.Locator("select[name=channel]").SelectOptionAsync("phone");
        await panel.Locator("input[name=name]").FillAsync("李四");
        await panel.Locator("input[name=phone]").FillAsync("0571-88880000");
        await panel.Locator("button.book").ClickAsync();
        await Assertions.Expect(panel.Locator(".booking-result")).ToContainTextAsync("已预约，预约码");
        var byPhone = await http.GetFromJsonAsync<AppointmentView>($"/api/appointments/{await panel.Locator(".booking-result").GetAttributeAsync("data-code")}", Json.Options);
        Assert.Equal(AppointmentChannels.Phone, byPhone!.Channel);

        await dashboard.Locator("#lang").ClickAsync();
        await Assertions.Expect(panel.Locator("h3")).ToHaveTextAsync("Book for a citizen (counter, phone)");
    }
}
