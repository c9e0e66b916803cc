using Hall.Contracts.Api;
using Hall.DisplayBoard.Tests.Support;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using Xunit;

namespace Hall.DisplayBoard.Tests.Board;

/// <summary>
/// The board page of a real DisplayBoard process, connected to a typed hall hub on real Kestrel, rendered by real
/// headless Chromium at 1920×1080. Screenshots land in the test output's screenshots folder.
/// </summary>
public sealed class BoardPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Timeout = 15_000;

    [Fact]
    public async Task Shows_a_call_large_with_windows_queues_and_hall_name()
    {
        await using var server = new TestHallServer(FreePort.Next(), DemoHall.Snapshot());
        await server.StartAsync();
        await using var board = await StartBoardAsync(server);
        var page = await chromium.NewPageAsync(1920, 1080);

        await page.GotoAsync(board.BaseUrl + "/");
        await Assertions.Expect(page.Locator("#hall-name")).ToHaveTextAsync("示范区政务服务中心", new() { Timeout = Timeout });
        await server.CallAsync("A001", 1, "市场准入");

        await Assertions.Expect(page.Locator("#latest-number")).ToHaveTextAsync("A001", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#latest-window")).ToHaveTextAsync("1号窗口");
        await Assertions.Expect(page.Locator("#latest")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("blink"));
        await Assertions.Expect(page.Locator(".window[data-window='1'] .ticket")).ToHaveTextAsync("A001");
        await Assertions.Expect(page.Locator(".window[data-window='5'] .state")).ToHaveTextAsync("暂停服务");
        await Assertions.Expect(page.Locator(".window")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator(".queue")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#offline")).ToBeHiddenAsync();
        await server.CallAsync("B005", 2, "投资建设");
        await Assertions.Expect(page.Locator("#latest-number")).ToHaveTextAsync("B005", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#recent-list li").First).ToContainTextAsync("A001");

        // The called number fits its box: legible, not cut off.
        var number = await page.Locator("#latest-number").BoundingBoxAsync();
        Assert.NotNull(number);
        Assert.True(number.Height >= 150, $"the called number is only {number.Height}px high");
        Assert.True(number.X + number.Width <= 1920);
        await ChromiumFixture.ScreenshotAsync(page, "board-call");
    }

    [Fact]
    public async Task Shows_only_the_configured_windows_and_services_in_English()
    {
        await using var server = new TestHallServer(FreePort.Next(), DemoHall.Snapshot());
        await server.StartAsync();
        await using var board = await StartBoardAsync(server,
            "--Board:Windows:0=2", "--Board:Windows:1=3", "--Board:Services:0=2", "--Board:Language=en", "--Board:BlinkSeconds=2");
        var page = await chromium.NewPageAsync(1920, 1080, locale: "en-GB");

        await page.GotoAsync(board.BaseUrl + "/");
        await Assertions.Expect(page.Locator("#hall-name")).ToHaveTextAsync("Demo District Government Service Center", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".window")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".queue")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".queue .service")).ToContainTextAsync("投资建设");

        // A call at a window this board does not show stays off it.
        await server.CallAsync("A001", 1);
        await server.CallAsync("B007", 2);
        await Assertions.Expect(page.Locator("#latest-number")).ToHaveTextAsync("B007", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#latest-window")).ToHaveTextAsync("Window 2");
        await Assertions.Expect(page.Locator("#recent-list li")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".window[data-window='2'] .state")).ToHaveTextAsync("Calling");
        // The newest call blinks for the configured time, then stays steady.
        await Assertions.Expect(page.Locator("#latest")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("blink"), new() { Timeout = Timeout });
        await ChromiumFixture.ScreenshotAsync(page, "board-filtered-en");
    }

    [Fact]
    public async Task Says_the_connection_is_lost_and_recovers_by_itself()
    {
        var port = FreePort.Next();
        await using var server = new TestHallServer(port, DemoHall.Snapshot());
        await server.StartAsync();
        await using var board = await StartBoardAsync(server, "--Board:DisconnectedNoticeSeconds=1", "--Board:ReconnectMaxDelaySeconds=1");
        var page = await chromium.NewPageAsync(1920, 1080);
        await page.GotoAsync(board.BaseUrl + "/");
        await server.CallAsync("A001", 1);
        await Assertions.Expect(page.Locator("#latest-number")).ToHaveTextAsync("A001", new() { Timeout = Timeout });

        await server.StopAsync();

        await Assertions.Expect(page.Locator("#offline")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#offline-title")).ToHaveTextAsync("连接中断");
        // The last calls stay on the board underneath.
        await Assertions.Expect(page.Locator("#latest-number")).ToHaveTextAsync("A001");
        await ChromiumFixture.ScreenshotAsync(page, "board-offline");

        await server.StartAsync();
        await Assertions.Expect(page.Locator("#offline")).ToBeHiddenAsync(new() { Timeout = Timeout });
        await server.CallAsync("A002", 1);
        await Assertions.Expect(page.Locator("#latest-number")).ToHaveTextAsync("A002", new() { Timeout = Timeout });
    }

    private static Task<HostProcess> StartBoardAsync(TestHallServer server, params string[] arguments) =>
        HostProcess.StartAsync("DisplayBoard", FreePort.Next(),
        [
            "--Board:ServerUrl=" + server.Url,
            "--Voice:OutputDirectory=" + TestPaths.NewTempDirectory("board-voice"),
            .. arguments,
        ]);
}
