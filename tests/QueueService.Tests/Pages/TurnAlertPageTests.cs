using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Pages;

/// <summary>到号提醒 on the tracking page: the banner, the beep and the vibration when the turn is near and when called.</summary>
public sealed class TurnAlertPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    // Counts what the page asks of the phone: vibrations, and the tones it starts.
    private const string Spies = """
        window.__vibrations = [];
        navigator.vibrate = (pattern) => { window.__vibrations.push(pattern); return true; };
        window.__tones = 0;
        const create = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function () { window.__tones++; return create.call(this); };
        """;

    [Fact]
    public async Task The_banner_rings_once_when_the_turn_is_near_and_once_when_called_also_after_the_phone_wakes()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("turn-alert"), "--Notify:AheadThreshold=1"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        var mine = await (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);

        var page = await chromium.NewPageAsync(390, 844);
        await page.AddInitScriptAsync(Spies);
        await page.GotoAsync(mine!.TrackingUrl);
        await Assertions.Expect(page.Locator("#ahead")).ToHaveTextAsync("2");
        Assert.True(await page.GetByTestId("turn-alert").IsHiddenAsync());
        await page.ClickAsync("#sound");   // browsers play sound only after a touch

        var login = await (await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        await http.PostAsync("/api/windows/1/call-next", null);

        await Assertions.Expect(page.GetByTestId("turn-alert")).ToHaveTextAsync("快到您了：前面还有 1 人，请回到大厅留意叫号");
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__vibrations.length"));
        Assert.Equal(2, await page.EvaluateAsync<int>("window.__tones"));
        await ChromiumFixture.ScreenshotAsync(page, "tracking-near");

        // One ahead still after the next call's finish: no second ring for the same moment.
        await http.PostAsync("/api/windows/1/finish", null);
        await page.EvaluateAsync("document.dispatchEvent(new Event('visibilitychange'))");
        await Assertions.Expect(page.Locator("#ahead")).ToHaveTextAsync("1");
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__vibrations.length"));

        // The phone sleeps (no network) while the second call and the own call happen, then wakes.
        await page.Context.SetOfflineAsync(true);
        await http.PostAsync("/api/windows/1/call-next", null);
        await http.PostAsync("/api/windows/1/finish", null);
        await http.PostAsync("/api/windows/1/call-next", null);
        await page.Context.SetOfflineAsync(false);
        await page.EvaluateAsync("document.dispatchEvent(new Event('visibilitychange'))");

        await Assertions.Expect(page.GetByTestId("turn-alert")).ToHaveTextAsync("轮到您了！请到 1 号窗口办理");
        Assert.Equal(2, await page.EvaluateAsync<int>("window.__vibrations.length"));
        Assert.Equal(5, await page.EvaluateAsync<int>("window.__tones"));
        await ChromiumFixture.ScreenshotAsync(page, "tracking-called-alert");

        await page.ClickAsync("#lang");
        await Assertions.Expect(page.GetByTestId("turn-alert")).ToHaveTextAsync("It's your turn! Please go to window 1");
    }
}
