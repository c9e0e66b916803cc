using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Pages;

/// <summary>The software evaluator (a tablet at the window), in headless Chromium against the real server.</summary>
public sealed class EvaluatorPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Finishing_a_ticket_invites_a_rating_then_its_reasons_and_binds_both_to_that_ticket()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("rate")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var login = await (await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);

        var page = await chromium.NewPageAsync(1280, 800);
        await page.GotoAsync(server.BaseUrl + "/rate/1");
        await Assertions.Expect(page.Locator("#clerk")).ToContainTextAsync("王丽");
        await Assertions.Expect(page.Locator("#idle")).ToBeVisibleAsync();

        var ticket = await (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        await http.PostAsync("/api/windows/1/call-next", null);
        await http.PostAsync("/api/windows/1/finish", null);

        await Assertions.Expect(page.Locator("#invite")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#number")).ToHaveTextAsync("A001");
        await ChromiumFixture.ScreenshotAsync(page, "evaluator-invite");
        await page.ClickAsync("button[data-level='2']");
        await Assertions.Expect(page.Locator("#reasons-screen")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chosen-level")).ToHaveTextAsync("不满意");
        await page.ClickAsync(".reason[data-code='slow']");
        await page.ClickAsync(".reason[data-code='notToldAtOnce']");
        await Assertions.Expect(page.Locator(".reason[data-code='slow']")).ToHaveAttributeAsync("aria-pressed", "true");
        await ChromiumFixture.ScreenshotAsync(page, "evaluator-reasons");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#thanks")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#thanks-level")).ToHaveTextAsync("A001 · 不满意");

        var rated = await http.GetFromJsonAsync<TicketView>($"/api/tickets/{ticket!.Id}", Json.Options);
        Assert.Equal(2, rated!.Rating!.Level);
        Assert.Equal(["slow", "notToldAtOnce"], rated.Rating.Reasons);
        Assert.Equal("tablet", rated.Rating.Channel);
    }
}
