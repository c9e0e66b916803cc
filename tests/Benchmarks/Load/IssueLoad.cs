using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Hall.Benchmarks.Report;

namespace Hall.Benchmarks.Load;

/// <summary>
/// Kiosks taking tickets as fast as they can: each kiosk is one loop posting <c>POST /api/tickets</c> and waiting for
/// the answer before the next, spread over the services. Only 201s count; every other answer is a refusal.
/// </summary>
public static class IssueLoad
{
    public sealed record Result(int Kiosks, double Seconds, int Issued, double ThroughputPerSecond, LatencySummary Latency,
        IReadOnlyDictionary<string, int> Refusals, int Errors, double ServerCpuMsPerTicket, double DriverCpuMsPerTicket);

    public static async Task<Result> RunAsync(Uri server, int kiosks, IReadOnlyList<int> serviceIds, TimeSpan warmUp, TimeSpan duration,
        Func<TimeSpan> serverCpu)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = kiosks * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var exhausted = new ConcurrentDictionary<int, bool>();
        var refusals = new ConcurrentDictionary<string, int>();
        var errors = 0;
        var measuring = false;
        using var stop = new CancellationTokenSource();

        var latencies = new List<long>[kiosks];
        var issuedCounts = new int[kiosks];
        async Task KioskAsync(int kiosk)
        {
            var mine = latencies[kiosk] = new List<long>(4096);
            var turn = kiosk;
            while (!stop.IsCancellationRequested)
            {
                var serviceId = serviceIds[turn++ % serviceIds.Count];
                if (exhausted.ContainsKey(serviceId))
                {
                    if (exhausted.Count == serviceIds.Count)
                    {
                        return;
                    }
                    continue;
                }
                var counted = Volatile.Read(ref measuring);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsJsonAsync("/api/tickets", new { serviceId }, stop.Token);
                    var elapsed = Stopwatch.GetTimestamp() - started;
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        if (counted && Volatile.Read(ref measuring))
                        {
                            mine.Add(elapsed);
                            issuedCounts[kiosk]++;
                        }
                        continue;
                    }
                    var body = await response.Content.ReadAsStringAsync(stop.Token);
                    if (response.StatusCode == HttpStatusCode.Conflict && body.Contains("quotaExhausted", StringComparison.Ordinal))
                    {
                        exhausted[serviceId] = true;
                    }
                    if (counted)
                    {
                        var reason = $"{(int)response.StatusCode} {Reason(body)}";
                        refusals.AddOrUpdate(reason, 1, (_, n) => n + 1);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }

        var tasks = Enumerable.Range(0, kiosks).Select(k => Task.Run(() => KioskAsync(k))).ToArray();
        await Task.Delay(warmUp);
        var serverCpuBefore = serverCpu();
        var driverCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var serverCpuUsed = serverCpu() - serverCpuBefore;
        var driverCpuUsed = Process.GetCurrentProcess().TotalProcessorTime - driverCpuBefore;
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(tasks);

        var issued = issuedCounts.Sum();
        return new Result(kiosks, seconds, issued, issued / seconds,
            LatencySummary.FromTicks(latencies.SelectMany(l => l)), refusals.ToDictionary(), errors,
            serverCpuUsed.TotalMilliseconds / Math.Max(1, issued), driverCpuUsed.TotalMilliseconds / Math.Max(1, issued));
    }

    /// <summary>The problem's <c>code</c> (for example <c>quotaExhausted</c>) when the body names one.</summary>
    private static string Reason(string body)
    {
        const string key = "\"code\":\"";
        var at = body.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return body.Length > 80 ? body[..80] : body;
        }
        var start = at + key.Length;
        var end = body.IndexOf('"', start);
        return end > start ? body[start..end] : body;
    }
}
