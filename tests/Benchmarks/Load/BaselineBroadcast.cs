using System.Net;
using Hall.Benchmarks.Baseline;
using Hall.Benchmarks.Report;

namespace Hall.Benchmarks.Load;

/// <summary>The same displays and the same number of rounds as <see cref="CallToBoard"/>, against the bare hub.</summary>
public static class BaselineBroadcast
{
    public sealed record Result(int Displays, int Broadcasts, LatencySummary ToClient, int Missed, double ServerCpuMsPerBroadcast);

    public static async Task<Result> RunAsync(Uri server, int displays, int broadcasts, TimeSpan spacing, Func<TimeSpan> serverCpu)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        await using var fleet = await DisplayFleet.ConnectAsync(server, BareHubServer.HubPath, displays);
        var delays = new List<long>(displays * broadcasts);
        var missed = 0;
        var cpuBefore = serverCpu();
        for (var i = 0; i < broadcasts; i++)
        {
            var round = fleet.Begin();
            round.MarkSent();
            using (var response = await http.PostAsync(new Uri("/broadcast", UriKind.Relative), null))
            {
                await CallToBoard.EnsureAsync(response, HttpStatusCode.OK, "broadcast");
            }
            await CallToBoard.WaitAsync(round);
            delays.AddRange(round.Delays());
            missed += displays - round.Arrivals;
            await Task.Delay(spacing);
        }
        return new Result(displays, broadcasts, LatencySummary.FromTicks(delays), missed, (serverCpu() - cpuBefore).TotalMilliseconds / broadcasts);
    }
}
