using System.Diagnostics;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Appointments;

/// <summary>The mobile booking page /m/ in headless Chromium at phone size, against a real server process.</summary>
public sealed class BookingPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_citizen_books_on_the_phone_gets_a_code_and_its_QR_then_cancels()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("booking-page")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var page = await chromium.NewPageAsync(390, 844);

        await page.GotoAsync(server.BaseUrl + "/m/");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("预约办事");
        Assert.Contains("Noto Sans CJK SC", await page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#service", "3");
        var slot = page.Locator(".slot-button:not([disabled])").First;
        await slot.ClickAsync();
        var slotStart = await slot.GetAttributeAsync("data-start");
        await page.FillAsync("#name", "李娜");
        await page.FillAsync("#phone", "139 1234 5678");
        await page.FillAsync("#idNumber", "11010519491231002X");
        // The privacy notice (个人信息保护) says what is kept, for what, and when it goes (Privacy:RetainDays).
        await Assertions.Expect(page.Locator("#privacy-booking")).ToContainTextAsync("180 天后自动删除");
        await ChromiumFixture.ScreenshotAsync(page, "booking-form");
        await page.ClickAsync("#submit");

        await Assertions.Expect(page.Locator("#done")).ToBeVisibleAsync();
        var code = (await page.Locator("#code").TextContentAsync())!;
        Assert.True(AppointmentCodes.LooksValid(code), code);
        await Assertions.Expect(page.Locator("#done-service")).ToHaveTextAsync("不动产登记");
        await page.WaitForFunctionAsync("() => { const i = document.getElementById('qr'); return i.complete && i.naturalWidth > 0; }");
        var shot = await ChromiumFixture.ScreenshotAsync(page, "booking-done");

        // The QR on the phone's screen reads back as the code (zbarimg, as a scanner would).
        var qr = Path.Combine(Path.GetDirectoryName(shot)!, "booking-qr.png");
        await page.Locator("#qr").ScreenshotAsync(new LocatorScreenshotOptions { Path = qr });
        Assert.Equal("QR-Code:" + code, (await RunAsync("zbarimg", "--quiet", qr)).Trim());

        var booked = await http.GetFromJsonAsync<AppointmentView>($"/api/appointments/{code}", Json.Options);
        Assert.Equal(3, booked!.ServiceId);
        Assert.Equal(DateTimeOffset.Parse(slotStart!, System.Globalization.CultureInfo.InvariantCulture), booked.SlotStart);
        Assert.Equal("139****5678", booked.MaskedPhone);
        Assert.Equal(AppointmentStatus.Booked, booked.Status);

        await page.ClickAsync("#lang");
        await Assertions.Expect(page.Locator("#done-service")).ToHaveTextAsync("Real Estate Registration");
        await page.ClickAsync("#cancel");
        await Assertions.Expect(page.Locator("#cancel-result")).ToHaveTextAsync($"Booking {code} is cancelled");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Book an appointment");
        await ChromiumFixture.ScreenshotAsync(page, "booking-cancelled");
        Assert.Equal(AppointmentStatus.Cancelled, (await http.GetFromJsonAsync<AppointmentView>($"/api/appointments/{code}", Json.Options))!.Status);
    }

    [Fact]
    public async Task A_refusal_is_shown_in_words()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("booking-page")]);
        var page = await chromium.NewPageAsync(390, 844);
        await page.GotoAsync(server.BaseUrl + "/m/");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        await page.Locator(".slot-button:not([disabled])").First.ClickAsync();
        await page.FillAsync("#name", "李娜");
        await page.FillAsync("#phone", "12345");
        await page.ClickAsync("#submit");

        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("手机号码有误");
        Assert.False(await page.Locator("#done").IsVisibleAsync());
    }

    [Fact]
    public async Task A_citizen_takes_a_number_on_the_phone_and_follows_it()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("remote-page")]);
        var page = await chromium.NewPageAsync(390, 844);
        await page.GotoAsync(server.BaseUrl + "/m/");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        await page.SelectOptionAsync("#remote-service", "2");
        await page.FillAsync("#remote-id", "11010519491231002X");
        await page.ClickAsync("#remote-take");

        await Assertions.Expect(page.Locator("#remote-result")).ToHaveTextAsync("您的号码 B001，前面还有 0 人");
        await page.Locator("#remote").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "remote-number");
        await page.ClickAsync("#remote-track");
        await Assertions.Expect(page.Locator("#number")).ToHaveTextAsync("B001");
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TestTimeouts.Slow);
        await process.WaitForExitAsync(timeout.Token);
        return output;
    }
}
