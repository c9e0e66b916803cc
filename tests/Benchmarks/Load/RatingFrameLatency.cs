using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.Benchmarks.Report;
using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.DisplayBoard.HallConnection;
using Hall.Hardware.HallBus;
using Hall.Hardware.Serial;
using Hall.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hall.Benchmarks.Load;

/// <summary>
/// An evaluator press on the hall bus: the QueueService owns one end of a socat pseudo-terminal pair, the benchmark
/// writes window 1's evaluator RATING frame on the other end right after the clerk finished a ticket, and times from
/// the frame's last byte written to the hub's <c>TicketChanged</c> (kind <c>rated</c>), which the server sends once
/// the rating is stored. A pseudo-terminal has no baud rate, so this is the time beyond the frame's wire time.
/// </summary>
public static class RatingFrameLatency
{
    public const byte Window1Evaluator = 101;

    /// <summary>What the frame itself takes on a real line (10 bits per byte); the pseudo-terminal adds none of it.</summary>
    public static double FrameWireMilliseconds(int baud) =>
        HallBusFrameEncoder.Encode(HallBusFrames.Rating(Window1Evaluator, 1, RatingLevel.VerySatisfied)).Length * 10_000.0 / baud;

    public sealed record Result(int Ratings, LatencySummary FrameToAnnounced, int Missed);

    public static async Task<Result> RunAsync(Uri server, string devicePortPath, int ratings)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var tickets = new List<Guid>();
        for (var i = 0; i < ratings; i++)
        {
            using var issued = await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
            await CallToBoard.EnsureAsync(issued, HttpStatusCode.Created, "issuing the tickets to rate");
            tickets.Add((await issued.Content.ReadFromJsonAsync<IssuedTicket>(json))!.Id);
        }
        using var login = await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin });
        await CallToBoard.EnsureAsync(login, HttpStatusCode.OK, "the clerk's login");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>(json)).GetProperty("token").GetString());

        // TicketChanged goes only to staff connections (anonymous ones get calls, windows and counts): the supervisor's.
        using var supervisorLogin = await http.PostAsJsonAsync("/api/supervision/login", new { staffCode = "9001", pin = DemoCredentials.Pin });
        await CallToBoard.EnsureAsync(supervisorLogin, HttpStatusCode.OK, "the supervisor's login");
        var supervisorToken = (await supervisorLogin.Content.ReadFromJsonAsync<JsonElement>(json)).GetProperty("token").GetString();
        var rated = new ConcurrentDictionary<Guid, TaskCompletionSource<long>>();
        await using var hub = HallHubConnection.Create(server, accessToken: supervisorToken);
        hub.On<TicketChanged>(nameof(IHallClient.TicketChanged), change =>
        {
            var now = Stopwatch.GetTimestamp();
            if (change.Kind == "rated")
            {
                rated.GetOrAdd(change.TicketId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(now);
            }
        });
        await hub.StartAsync();

        using var device = SerialPorts.Open(devicePortPath, 9600);
        using var stop = new CancellationTokenSource();
        // The server acknowledges every frame and pings its devices: read it all so the line never backs up.
        var drain = Task.Run(async () =>
        {
            var buffer = new byte[256];
            try
            {
                while (await device.Stream.ReadAsync(buffer, stop.Token) > 0)
                {
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (IOException)
            {
            }
        });

        var delays = new List<long>();
        var missed = 0;
        for (var i = 0; i < ratings; i++)
        {
            using (var call = await http.PostAsync(new Uri("/api/windows/1/call-next", UriKind.Relative), null))
            {
                await CallToBoard.EnsureAsync(call, HttpStatusCode.OK, "call-next before a rating");
                var view = await call.Content.ReadFromJsonAsync<JsonElement>(json);
                var id = view.GetProperty("ticket").GetProperty("id").GetGuid();
                using var finish = await http.PostAsync(new Uri("/api/windows/1/finish", UriKind.Relative), null);
                await CallToBoard.EnsureAsync(finish, HttpStatusCode.OK, "finish before a rating");

                var arrived = rated.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
                var frame = HallBusFrameEncoder.Encode(HallBusFrames.Rating(Window1Evaluator, (byte)(1 + i % 250), RatingLevel.VerySatisfied));
                var written = Stopwatch.GetTimestamp();
                await device.Stream.WriteAsync(frame);
                await device.Stream.FlushAsync();
                try
                {
                    delays.Add(await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5)) - written);
                }
                catch (TimeoutException)
                {
                    missed++;
                }
            }
        }
        await stop.CancelAsync();
        device.Dispose();
        await drain.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return new Result(ratings, LatencySummary.FromTicks(delays), missed);
    }
}
