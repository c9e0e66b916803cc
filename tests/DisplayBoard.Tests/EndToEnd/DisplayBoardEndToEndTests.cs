using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.DisplayBoard.Tests.Support;
using Hall.Hardware.HallBus;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Hall.TestSupport.Serial;
using Microsoft.Playwright;
using Xunit;

namespace Hall.DisplayBoard.Tests.EndToEnd;

/// <summary>
/// The acceptance path, all real: the QueueService process, the DisplayBoard process with its LED bus on one end of
/// a socat pseudo-terminal pair and simulated LED strips on the other, espeak-ng writing WAV files, and the board page
/// in headless Chromium. Then the hall server is killed and restarted on the same port and data directory.
/// </summary>
public sealed class DisplayBoardEndToEndTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly TimeSpan Timeout = TestTimeouts.Process;

    [Fact]
    public async Task A_call_reaches_the_strip_the_speaker_and_the_board_and_again_after_a_server_restart()
    {
        var dataDirectory = TestPaths.NewTempDirectory("e2e-queue");
        var voiceDirectory = TestPaths.NewTempDirectory("e2e-voice");
        var queuePort = FreePort.Next();
        // The LED strips: simulated devices on the far end of the serial line.
        await using var strips = await BusRig.StartAsync();
        for (var n = 1; n <= 6; n++)
        {
            strips.Devices.AddLedStrip(200 + n);
        }

        var queue = await HostProcess.StartAsync("QueueService", queuePort, ["--Queue:DataDirectory=" + dataDirectory]);
        try
        {
            await using var board = await HostProcess.StartAsync("DisplayBoard", FreePort.Next(),
            [
                "--Board:ServerUrl=" + queue.BaseUrl,
                "--Board:ReconnectMaxDelaySeconds=2",
                "--Led:PortName=" + strips.HostPortPath,
                "--Voice:OutputDirectory=" + voiceDirectory,
            ]);
            var page = await chromium.NewPageAsync(1920, 1080);
            await page.GotoAsync(board.BaseUrl + "/");
            await Assertions.Expect(page.Locator(".window")).Not.ToHaveCountAsync(0, new() { Timeout = 20_000 });
            // The snapshot put the window sign on strip 201 (clerk not yet logged in: closed).
            await WaitForShowAsync(strips, f => f.Address == 201);

            using var http = new HttpClient { BaseAddress = new Uri(queue.BaseUrl) };
            using var voice = new FileCount(voiceDirectory, "*.wav", 1);
            var first = await CallNextAtWindow1Async(http);

            // How fast the call reaches the strip is the benchmark's figure (tests/Benchmarks, "call to LED strip"); here: that it does, byte for byte.
            var frame = await WaitForShowAsync(strips, f => f.Address == 201 && TextOf(f).Contains(first, StringComparison.Ordinal));
            Assert.Equal(HallBusFunction.Show, frame.Function);
            Assert.Equal(HallBusFrameEncoder.Encode(HallBusFrames.Show(201, frame.Data.Span[0], TextOf(frame))), HallBusFrameEncoder.Encode(frame));
            await voice.Reached.WaitAsync(Timeout);
            var wav = await File.ReadAllBytesAsync(voice.Files[0]);
            Assert.Equal("RIFF"u8.ToArray(), wav[..4]);
            Assert.Contains(first, Path.GetFileName(voice.Files[0]), StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("#latest-number")).ToHaveTextAsync(first, new() { Timeout = 20_000 });
            await ChromiumFixture.ScreenshotAsync(page, "e2e-board-call");

            // A power cut at the hall server: killed, then started again on the same port and data.
            await queue.KillHardAsync();
            await Assertions.Expect(page.Locator("#offline")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await queue.DisposeAsync();
            queue = await HostProcess.StartAsync("QueueService", queuePort, ["--Queue:DataDirectory=" + dataDirectory]);
            await Assertions.Expect(page.Locator("#offline")).ToBeHiddenAsync(new() { Timeout = 30_000 });

            var mark = strips.AtDevices.Count;
            var second = await CallNextAtWindow1Async(http, finishCurrent: true);
            await WaitForShowAsync(strips, f => f.Address == 201 && TextOf(f).Contains(second, StringComparison.Ordinal), after: mark);
            await Assertions.Expect(page.Locator("#latest-number")).ToHaveTextAsync(second, new() { Timeout = 20_000 });
            Assert.NotEqual(first, second);
        }
        finally
        {
            await queue.DisposeAsync();
        }
    }

    internal static string TextOf(HallBusFrame frame) => HallBusText.Decode(frame.Data.Span[1..]);

    /// <summary>The first SHOW frame at the strips that matches; on time-out the message lists every SHOW seen.</summary>
    private static Task<HallBusFrame> WaitForShowAsync(BusRig strips, Func<HallBusFrame, bool> match, int after = 0) =>
        strips.WaitForFrameAsync(f => f.Function == HallBusFunction.Show && match(f), Timeout,
            () => "Seen: " + string.Join(" | ", strips.AtDevices.Where(f => f.Function == HallBusFunction.Show).Select(f => $"{f.Address}: '{TextOf(f)}'")), after);

    /// <summary>
    /// Clerk 1001 logs in at window 1, a ticket is issued, the window's current ticket (if any) is served and finished,
    /// and window 1 calls next; returns the called number.
    /// </summary>
    internal static async Task<string> CallNextAtWindow1Async(HttpClient http, bool finishCurrent = false)
    {
        using var login = await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var services = await http.GetFromJsonAsync<JsonElement>("/api/services");
        var serviceId = services[0].GetProperty("id").GetInt32();
        using var issued = await http.PostAsJsonAsync("/api/tickets", new { serviceId });
        issued.EnsureSuccessStatusCode();

        if (finishCurrent)
        {
            await PostAsClerkAsync(http, token, "/api/windows/1/start");
            await PostAsClerkAsync(http, token, "/api/windows/1/finish");
        }
        using var called = await PostAsClerkAsync(http, token, "/api/windows/1/call-next");
        return (await called.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetProperty("number").GetString()!;
    }

    private static async Task<HttpResponseMessage> PostAsClerkAsync(HttpClient http, string? token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
