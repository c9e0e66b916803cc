using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.Benchmarks.Report;
using Hall.Hardware.HallBus;
using Hall.TestSupport;
using Hall.TestSupport.Serial;

namespace Hall.Benchmarks.Load;

/// <summary>
/// A call at window 1 on the window's LED strip: the QueueService and the display computer (its LED bus on one end of
/// a socat pseudo-terminal pair, a simulated strip 201 on the other), timed from sending <c>call-next</c> to the SHOW
/// frame with the called number reaching the strip. The simulated strip decodes a frame when its last byte (the end
/// byte 16) has been read from the pseudo-terminal, so each time runs to the last byte of the SHOW frame
/// (<c>callToLedP99Ms</c>). The end-to-end test only checks that it arrives; the speed is here.
/// </summary>
public static class CallToStrip
{
    public const byte Window1Strip = 201;

    /// <param name="ShowFrameBytes">The longest SHOW frame with a called number, as encoded on the wire.</param>
    public sealed record Result(int Calls, LatencySummary ToStrip, int Missed, int ShowFrameBytes)
    {
        /// <summary>How long the SHOW frame takes on the wire at <paramref name="baud"/> (8N1: ten bits a byte).</summary>
        public double ShowFrameWireMs(int baud) => ShowFrameBytes * 10_000.0 / baud;
    }

    /// <param name="strips">A rig with strip 201, whose host end the display computer drives.</param>
    public static async Task<Result> RunAsync(Uri server, BusRig strips, int calls)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        for (var i = 0; i < calls; i++)
        {
            using var issued = await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
            await CallToBoard.EnsureAsync(issued, HttpStatusCode.Created, "issuing the tickets to call");
        }
        using var login = await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin });
        await CallToBoard.EnsureAsync(login, HttpStatusCode.OK, "the clerk's login");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>(json)).GetProperty("token").GetString());
        // The board drives the strip once it has the hall's snapshot.
        await strips.WaitForFrameAsync(f => f.Address == Window1Strip && f.Function == HallBusFunction.Show, TestTimeouts.Slow);

        // Every SHOW at strip 201 with the moment it arrived; a frame can come before call-next's answer names the number.
        var shows = new List<(long At, string Text, int Bytes)>();
        using var changed = new SemaphoreSlim(0);
        void OnFrame(object? sender, HallBusFrame frame)
        {
            var now = Stopwatch.GetTimestamp();
            if (frame.Address == Window1Strip && frame.Function == HallBusFunction.Show)
            {
                lock (shows)
                {
                    shows.Add((now, HallBusText.Decode(frame.Data.Span[1..]), HallBusFrameEncoder.Encode(frame).Length));
                }
                changed.Release();
            }
        }
        strips.Devices.FrameReceived += OnFrame;
        try
        {
            return await CallAsync(http, json, calls, shows, changed);
        }
        finally
        {
            strips.Devices.FrameReceived -= OnFrame;
        }
    }

    private static async Task<Result> CallAsync(HttpClient http, JsonSerializerOptions json, int calls, List<(long At, string Text, int Bytes)> shows, SemaphoreSlim changed)
    {
        var delays = new List<long>(calls);
        var missed = 0;
        for (var call = 0; call < calls; call++)
        {
            var sentAt = Stopwatch.GetTimestamp();
            string number;
            using (var response = await http.PostAsync(new Uri("/api/windows/1/call-next", UriKind.Relative), null))
            {
                await CallToBoard.EnsureAsync(response, HttpStatusCode.OK, "call-next");
                number = (await response.Content.ReadFromJsonAsync<JsonElement>(json)).GetProperty("ticket").GetProperty("number").GetString()!;
            }
            if (await ArrivalAsync(shows, changed, sentAt, number) is { } at)
            {
                delays.Add(at - sentAt);
            }
            else
            {
                missed++;
            }
            using var finish = await http.PostAsync(new Uri("/api/windows/1/finish", UriKind.Relative), null);
            await CallToBoard.EnsureAsync(finish, HttpStatusCode.OK, "finish");
        }
        int longest;
        lock (shows)
        {
            longest = shows.Count == 0 ? 0 : shows.Max(s => s.Bytes);
        }
        return new Result(calls, LatencySummary.FromTicks(delays), missed, longest);
    }

    /// <summary>When the first SHOW with <paramref name="number"/> after <paramref name="sentAt"/> arrived; null after ten seconds (lost).</summary>
    private static async Task<long?> ArrivalAsync(List<(long At, string Text, int Bytes)> shows, SemaphoreSlim changed, long sentAt, string number)
    {
        var deadline = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
        while (true)
        {
            lock (shows)
            {
                foreach (var (at, text, _) in shows)
                {
                    if (at >= sentAt && text.Contains(number, StringComparison.Ordinal))
                    {
                        return at;
                    }
                }
            }
            var left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0 || !await changed.WaitAsync(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency)))
            {
                return null;
            }
        }
    }
}
