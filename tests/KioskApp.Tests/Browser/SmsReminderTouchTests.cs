using Hall.KioskApp.Tests.Support;
using Hall.TestSupport.Browser;
using Microsoft.Playwright;
using Xunit;

namespace Hall.KioskApp.Tests.Browser;

/// <summary>到号短信提醒 on the touch page: the phone on the on-screen keypad, sent to the hall server only with consent.</summary>
[Collection(HallCollection.Name)]
public sealed class SmsReminderTouchTests(HallServerFixture hall, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private static readonly float Timeout = 15000;
    private Kiosk _kiosk = null!;

    public async Task InitializeAsync() => _kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url);

    public async Task DisposeAsync() => await _kiosk.DisposeAsync();

    [Fact]
    public async Task A_phone_typed_on_the_keypad_with_consent_reaches_the_hall_server_and_shows_masked()
    {
        var page = await OpenAsync();
        var service = await hall.OpenServiceAsync("C");
        await page.Locator($".service-card[data-service-id='{service.Id}']").TapAsync();
        Assert.True(await page.Locator("#confirm-consent-row").IsHiddenAsync());

        await page.GetByTestId("enter-phone").TapAsync();
        await TypeAsync(page, "1234");
        await page.GetByTestId("keypad-ok").TapAsync();
        Assert.Contains("11 位", await page.Locator("#keypad-error").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator("#keypad-keys .key[data-key='C']").TapAsync();
        await TypeAsync(page, "13812345678");
        await page.GetByTestId("keypad-ok").TapAsync();
        await Assertions.Expect(page.Locator("#confirm-sms-value")).ToHaveTextAsync("138****5678");
        await page.GetByTestId("sms-consent").CheckAsync();
        await ChromiumFixture.ScreenshotAsync(page, "kiosk-sms-consent");

        await page.GetByTestId("confirm-take").TapAsync();
        await page.GetByTestId("ticket-number").WaitForAsync(new() { Timeout = Timeout });
        // The masked phone on the result comes back from the hall server: it kept the consent.
        await Assertions.Expect(page.Locator("#result-meta")).ToContainTextAsync("到号短信提醒 138****5678");
        await page.GetByTestId("done").TapAsync();

        await page.ClickAsync("#lang-toggle");
        await page.Locator($".service-card[data-service-id='{service.Id}']").TapAsync();
        await Assertions.Expect(page.GetByTestId("enter-phone")).ToContainTextAsync("Text me when my turn is near");
        await Assertions.Expect(page.Locator("#confirm-sms-value")).Not.ToHaveTextAsync("138****5678");
    }

    [Fact]
    public async Task Without_consent_the_phone_is_not_sent()
    {
        var page = await OpenAsync();
        var service = await hall.OpenServiceAsync("C");
        await page.Locator($".service-card[data-service-id='{service.Id}']").TapAsync();
        await page.GetByTestId("enter-phone").TapAsync();
        await TypeAsync(page, "13812345678");
        await page.GetByTestId("keypad-ok").TapAsync();
        await page.GetByTestId("confirm-take").TapAsync();
        await page.GetByTestId("ticket-number").WaitForAsync(new() { Timeout = Timeout });
        Assert.DoesNotContain("138****5678", await page.Locator("#result-meta").TextContentAsync(), StringComparison.Ordinal);
    }

    private async Task<IPage> OpenAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1080, Height = 1920 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_kiosk.Url + "/");
        await page.Locator(".service-card").First.WaitForAsync(new() { Timeout = Timeout });
        return page;
    }

    private static async Task TypeAsync(IPage page, string digits)
    {
        foreach (var key in digits)
        {
            await page.Locator($"#keypad-keys .key[data-key='{key}']").TapAsync();
        }
    }
}
