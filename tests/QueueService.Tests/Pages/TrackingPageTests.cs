using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Pages;

/// <summary>The page behind the QR code on a ticket, on a phone-sized screen.</summary>
public sealed class TrackingPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_tracking_link_shows_the_number_and_then_the_window_when_called()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("track")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        var mine = await (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);

        var page = await chromium.NewPageAsync(390, 844);
        await page.GotoAsync(mine!.TrackingUrl);
        await Assertions.Expect(page.Locator("#number")).ToHaveTextAsync("A002");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("等候中");
        await Assertions.Expect(page.Locator("#ahead")).ToHaveTextAsync("1");
        await ChromiumFixture.ScreenshotAsync(page, "tracking-waiting");

        var login = await (await http.PostAsJsonAsync("/api/windows/2/login", new { staffCode = "1002", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        await http.PostAsync("/api/windows/2/call-next", null);
        await http.PostAsync("/api/windows/2/finish", null);
        await http.PostAsync("/api/windows/2/call-next", null);

        await Assertions.Expect(page.Locator("#called")).ToHaveTextAsync("请到 2 号窗口办理");
        await ChromiumFixture.ScreenshotAsync(page, "tracking-called");

        await page.ClickAsync("#lang");
        await Assertions.Expect(page.Locator("#called")).ToHaveTextAsync("Please go to window 2");

        // Finished as 补正: the page lists what to bring, once and in full (一次性告知).
        (await http.PostAsJsonAsync("/api/windows/2/finish", new { outcome = "supplement", missingMaterials = new[] { "营业执照副本", "法定代表人身份证复印件" } })).EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("Please bring these missing materials");
        await Assertions.Expect(page.Locator("#outcome-materials li")).ToHaveTextAsync(["营业执照副本", "法定代表人身份证复印件"]);
        await page.ClickAsync("#lang");
        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("需补正以下材料（一次性告知）");
        await ChromiumFixture.ScreenshotAsync(page, "tracking-supplement");
    }

    [Fact]
    public async Task Once_done_the_ticket_is_rated_from_its_own_link_with_a_level_and_reasons()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("track-rate")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var mine = await (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        var page = await chromium.NewPageAsync(390, 844);
        await page.GotoAsync(mine!.TrackingUrl);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("等候中");
        await Assertions.Expect(page.GetByTestId("rate-panel")).ToBeHiddenAsync();

        var login = await (await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        await http.PostAsync("/api/windows/1/call-next", null);
        await http.PostAsync("/api/windows/1/finish", null);

        await Assertions.Expect(page.GetByTestId("rate-panel")).ToBeVisibleAsync();
        await page.ClickAsync(".rate-level[data-level='3']");
        await page.ClickAsync(".reason[data-code='waitLong']");
        await ChromiumFixture.ScreenshotAsync(page, "tracking-rate");
        await page.ClickAsync("#rate-send");
        await Assertions.Expect(page.Locator("#rating")).ToHaveTextAsync("您的评价：基本满意，感谢！");
        await Assertions.Expect(page.GetByTestId("rate-panel")).ToBeHiddenAsync();

        var rated = await http.GetFromJsonAsync<TicketView>($"/api/tickets/{mine.Id}", Json.Options);
        Assert.Equal((3, "phone"), (rated!.Rating!.Level, rated.Rating.Channel));
        Assert.Equal(["waitLong"], rated.Rating.Reasons);

        // The bare page (a ticket id without the link's key) offers no rating.
        var other = await (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        await http.PostAsync("/api/windows/1/call-next", null);
        await http.PostAsync("/api/windows/1/finish", null);
        await page.GotoAsync(server.BaseUrl + "/t/" + other!.Id);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已办结");
        await Assertions.Expect(page.GetByTestId("rate-panel")).ToBeHiddenAsync();
    }
}
