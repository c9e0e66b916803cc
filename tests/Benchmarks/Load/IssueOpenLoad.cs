using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Hall.Benchmarks.Report;

namespace Hall.Benchmarks.Load;

/// <summary>
/// Ticket issuing at a fixed offered load (open loop): requests leave on a schedule, <c>rate</c> a second, whether or
/// not earlier ones have been answered, and each latency counts from the moment its request was due, so a server that
/// falls behind shows it in the figure (no coordinated omission). A hall's real kiosks behave so: citizens do not wait
/// for each other's tickets.
/// </summary>
public static class IssueOpenLoad
{
    /// <summary>Requests leave in small bursts on a 10 ms tick; finer timers are not reliable on a loaded machine.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    public sealed record Result(int OfferedPerSecond, double Seconds, int Sent, int Issued, LatencySummary Latency,
        IReadOnlyDictionary<string, int> Refusals, int Errors, double ServerCpuMsPerTicket);

    public static async Task<Result> RunAsync(Uri server, int ratePerSecond, IReadOnlyList<int> serviceIds, TimeSpan duration, Func<TimeSpan> serverCpu)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new ConcurrentBag<double>();
        var refusals = new ConcurrentDictionary<string, int>();
        var errors = 0;
        var inFlight = new List<Task>();

        async Task SendAsync(int serviceId, long dueTimestamp)
        {
            try
            {
                using var response = await http.PostAsJsonAsync("/api/tickets", new { serviceId });
                var ms = Stopwatch.GetElapsedTime(dueTimestamp).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    latencies.Add(ms);
                }
                else
                {
                    refusals.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
        }

        var cpuBefore = serverCpu();
        var start = Stopwatch.GetTimestamp();
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        var sent = 0;
        using var timer = new PeriodicTimer(Tick);
        while (sent < total)
        {
            // Every request whose time has come leaves now, each timed from its own due moment.
            var elapsed = Stopwatch.GetElapsedTime(start);
            var due = Math.Min(total, (int)(elapsed.TotalSeconds * ratePerSecond) + 1);
            for (; sent < due; sent++)
            {
                var dueTimestamp = start + (long)(sent * (double)Stopwatch.Frequency / ratePerSecond);
                inFlight.Add(SendAsync(serviceIds[sent % serviceIds.Count], dueTimestamp));
            }
            await timer.WaitForNextTickAsync();
        }
        await Task.WhenAll(inFlight);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpu = serverCpu() - cpuBefore;
        return new Result(ratePerSecond, seconds, sent, latencies.Count, LatencySummary.FromMilliseconds(latencies), refusals.ToDictionary(), errors,
            cpu.TotalMilliseconds / Math.Max(1, latencies.Count));
    }
}
