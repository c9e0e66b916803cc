using System.Text.RegularExpressions;
using Hall.KioskApp.Tests.Support;
using Hall.TestSupport.Browser;
using Microsoft.Playwright;
using Xunit;

namespace Hall.KioskApp.Tests.Browser;

/// <summary>The touch page in real headless Chromium against a real kiosk and hall server.</summary>
[Collection(HallCollection.Name)]
public sealed partial class TouchPageTests(HallServerFixture hall, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private static readonly float Timeout = 15000;
    private readonly ChromiumFixture _chromium = chromium;
    private Kiosk _kiosk = null!;

    public async Task InitializeAsync() => _kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url);

    public async Task DisposeAsync() => await _kiosk.DisposeAsync();

    private async Task<IPage> OpenTouchPageAsync(int width, int height)
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_kiosk.Url + "/");
        await page.Locator(".service-card").First.WaitForAsync(new() { Timeout = Timeout });
        return page;
    }

    [Fact]
    public async Task A_citizen_takes_a_number_by_touch_and_sees_it()
    {
        var page = await OpenTouchPageAsync(1080, 1920);
        var service = await hall.OpenServiceAsync("A");

        await page.Locator($".service-card[data-service-id='{service.Id}']").TapAsync();
        await page.GetByTestId("confirm-take").TapAsync();
        var number = page.GetByTestId("ticket-number");
        await number.WaitForAsync(new() { Timeout = Timeout });

        var shown = await number.TextContentAsync();
        Assert.Matches(TicketNumber(), shown!);
        Assert.StartsWith(service.Prefix, shown, StringComparison.Ordinal);
        Assert.True(File.Exists(_kiosk.TicketFile(shown!)), "the number on screen is the one printed");
        Assert.Contains("凭条已打印", await page.Locator("#result-print").TextContentAsync(), StringComparison.Ordinal);
        // The QR image loads after the number shows; wait for it rather than race it.
        await page.WaitForFunctionAsync(
            "() => { const img = document.getElementById('result-qr'); return img.complete && img.naturalWidth > 0; }",
            null, new() { Timeout = Timeout });
        await ChromiumFixture.ScreenshotAsync(page, "kiosk-result-portrait");

        await page.GetByTestId("done").TapAsync();
        await page.Locator("#result").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = Timeout });
    }

    [Fact]
    public async Task An_invalid_id_number_is_caught_on_screen_and_a_valid_one_is_sent_masked()
    {
        var page = await OpenTouchPageAsync(1080, 1920);
        var service = await hall.OpenServiceAsync("B");

        await page.Locator($".service-card[data-service-id='{service.Id}']").TapAsync();
        await page.GetByTestId("enter-id").TapAsync();
        foreach (var key in "110105194912310021")
        {
            await page.Locator($"#keypad-keys .key[data-key='{key}']").TapAsync();
        }
        await page.GetByTestId("keypad-ok").TapAsync();
        Assert.Contains("有误", await page.Locator("#keypad-error").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator("#keypad-keys .key[data-key='⌫']").TapAsync();
        await page.Locator("#keypad-keys .key[data-key='X']").TapAsync();
        await page.GetByTestId("keypad-ok").TapAsync();
        Assert.EndsWith("002X", await page.Locator("#confirm-id-value").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByTestId("confirm-take").TapAsync();
        await page.GetByTestId("ticket-number").WaitForAsync(new() { Timeout = Timeout });
        Assert.Contains("002X", await page.Locator("#result-meta").TextContentAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1080, 1920, false, "kiosk-start-portrait")]
    [InlineData(1080, 1920, true, "kiosk-start-portrait-large")]
    [InlineData(1920, 1080, false, "kiosk-start-landscape")]
    [InlineData(1920, 1080, true, "kiosk-start-landscape-large")]
    public async Task The_start_page_shows_chinese_services_in_normal_and_large_type(int width, int height, bool large, string name)
    {
        var page = await OpenTouchPageAsync(width, height);
        var normalSize = await CardNameFontSizeAsync(page);
        if (large)
        {
            await page.GetByTestId("large-toggle").TapAsync();
            Assert.True(await page.EvaluateAsync<bool>("document.body.classList.contains('large')"));
            Assert.True(await CardNameFontSizeAsync(page) > normalSize * 1.2, "large mode enlarges the type");
        }

        var text = await page.Locator("body").InnerTextAsync();
        Assert.Contains("请选择办理事项", text, StringComparison.Ordinal);
        Assert.Contains("预约签到", text, StringComparison.Ordinal);
        foreach (var service in (await hall.ServicesAsync()).Take(3))
        {
            Assert.Contains(service.Name, text, StringComparison.Ordinal);
        }
        var path = await ChromiumFixture.ScreenshotAsync(page, name);
        // A blank or unstyled page compresses to very little; the real one is colourful and full of glyphs.
        Assert.True(new FileInfo(path).Length > 60_000, $"{path} looks empty ({new FileInfo(path).Length} bytes)");
    }

    [Fact]
    public async Task The_english_switch_translates_the_page()
    {
        var page = await OpenTouchPageAsync(1080, 1920);
        await page.GetByTestId("lang-toggle").TapAsync();
        var text = await page.Locator("body").InnerTextAsync();
        Assert.Contains("Choose a service", text, StringComparison.Ordinal);
        Assert.Equal("en", await page.EvaluateAsync<string>("document.documentElement.lang"));
    }

    private static Task<float> CardNameFontSizeAsync(IPage page) =>
        page.Locator(".card-name").First.EvaluateAsync<float>("e => parseFloat(getComputedStyle(e).fontSize)");

    [GeneratedRegex(@"^[A-Z]\d{3,}$")]
    private static partial Regex TicketNumber();
}
