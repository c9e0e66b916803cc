using Hall.Hardware.Simulators;
using Hall.KioskApp.Tests.Support;
using Hall.TestSupport.Browser;
using Microsoft.Playwright;
using Xunit;

namespace Hall.KioskApp.Tests.Browser;

/// <summary>The touch page in headless Chromium with the simulated ID card reader on a socat pty pair.</summary>
[Collection(HallCollection.Name)]
public sealed class IdCardTouchPageTests(HallServerFixture hall, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly float Timeout = 15000;

    [Fact]
    public async Task A_requiresId_service_waits_for_the_card_and_issues_when_it_is_laid()
    {
        await using var line = await IdCardReaderOnPty.StartAsync();
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url, "--IdCard:PortName=" + line.KioskPortName);
        var service = await hall.OpenServiceAsync("G");
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1080, Height = 1920 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(kiosk.Url + "/");
        await page.Locator($".service-card[data-service-id='{service.Id}']").TapAsync(new() { Timeout = Timeout });

        var prompt = page.GetByTestId("id-card-box");
        await prompt.WaitForAsync(new() { Timeout = Timeout });
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#confirm-card-title")).ToHaveTextAsync("请将身份证放在读卡区", new() { Timeout = Timeout });
        Assert.True(await page.GetByTestId("confirm-take").IsDisabledAsync(), "no number without the card");
        await ChromiumFixture.ScreenshotAsync(page, "kiosk-id-card-waiting");

        line.Reader.Lay(TestIdCards.LiXiaohong);
        var number = page.GetByTestId("ticket-number");
        await number.WaitForAsync(new() { Timeout = Timeout });
        var shown = await number.TextContentAsync();
        Assert.StartsWith(service.Prefix, shown, StringComparison.Ordinal);
        Assert.True(File.Exists(kiosk.TicketFile(shown!)), "the number on screen is the one printed");
        var meta = await page.Locator("#result-meta").TextContentAsync();
        Assert.Contains("**************2823", meta, StringComparison.Ordinal);
        Assert.DoesNotContain(TestIdCards.LiXiaohong.IdNumber, await page.ContentAsync(), StringComparison.Ordinal);
        await ChromiumFixture.ScreenshotAsync(page, "kiosk-id-card-issued");
        await context.CloseAsync();
    }
}
