using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hall.Benchmarks.Hosting;
using Hall.Benchmarks.Report;

namespace Hall.Benchmarks.Load;

/// <summary>
/// <c>--abuse</c>: the anonymous endpoints flooded from many client addresses while kiosks keep issuing. The server
/// trusts loopback as its proxy (<c>Network:KnownProxies</c>), so each flooder's <c>X-Forwarded-For</c> is its client
/// address, as behind the city's reverse proxy. First the kiosks issue alone, then the same kiosks with the flood;
/// the figures say what the flood got through, what the limiter refused, and how issuing fared meanwhile.
/// </summary>
public static class AbuseFlood
{
    private const int Services = 10;

    /// <summary>Answers to one endpoint's flood; <c>Refused</c> and <c>Other</c> are counted by the problem's code (tooManyRemoteTickets, loginLocked, …).</summary>
    public sealed record EndpointFigures(int Sent, int Accepted, Dictionary<string, int> Refused, Dictionary<string, int> Other);

    public sealed record Result(
        int Addresses, int FloodersPerAddress, int Kiosks, double Seconds,
        double KioskIssuePerSecondAlone, double KioskIssueP99MsAlone,
        double KioskIssuePerSecondUnderFlood, double KioskIssueP99MsUnderFlood, Dictionary<string, int> KioskRefusalsUnderFlood,
        Dictionary<string, EndpointFigures> Flood, double FloodRequestsPerSecond, JsonElement ServerLimits);

    public static async Task<Result> RunAsync(int addresses, int kiosks, TimeSpan duration)
    {
        var directory = RepositoryPaths.NewTempDirectory("abuse");
        var hallFile = Path.Combine(directory, "abuse-hall.json");
        var serviceIds = WriteHall(hallFile);
        await using var server = await ChildHost.StartQueueServiceAsync(Path.Combine(directory, "data"), hallFile,
            more: ["--Network:KnownProxies:0=127.0.0.1"]);

        var alone = await IssueLoad.RunAsync(server.BaseUrl, kiosks, serviceIds, TimeSpan.FromSeconds(1), duration, () => server.CpuTime);

        using var stop = new CancellationTokenSource();
        var flood = new ConcurrentDictionary<string, Counts>();
        var floodClock = System.Diagnostics.Stopwatch.StartNew();
        var flooders = Enumerable.Range(0, addresses).SelectMany(a => new[]
        {
            Task.Run(() => FloodAsync(server.BaseUrl, a, "remote-tickets", i => ("/api/remote-tickets", new { serviceId = serviceIds[i % Services], idNumber = IdNumber(a * 100_000 + i) }), flood, stop.Token)),
            Task.Run(() => FloodAsync(server.BaseUrl, a, "appointments", i => ("/api/appointments", new
            {
                serviceId = serviceIds[i % Services], slotStart = SlotStart(i), name = "刷号", phone = Phone(a * 100_000 + i),
            }), flood, stop.Token)),
            Task.Run(() => FloodAsync(server.BaseUrl, a, "window-login", i => ("/api/windows/1/login", new { staffCode = (1001 + i % 8).ToString(CultureInfo.InvariantCulture), pin = (i % 10_000).ToString("0000", CultureInfo.InvariantCulture) }), flood, stop.Token)),
        }).ToArray();
        var underFlood = await IssueLoad.RunAsync(server.BaseUrl, kiosks, serviceIds, TimeSpan.FromSeconds(1), duration, () => server.CpuTime);
        await stop.CancelAsync();
        await Task.WhenAll(flooders);
        var floodSeconds = floodClock.Elapsed.TotalSeconds;

        using var admin = new HttpClient { BaseAddress = server.BaseUrl };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:hall-admin-2026"u8.ToArray()));
        var limits = await admin.GetFromJsonAsync<JsonElement>("/api/supervision/limits");

        var figures = flood.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value.Figures());
        return new Result(addresses, 1, kiosks, duration.TotalSeconds,
            alone.ThroughputPerSecond, alone.Latency.P99Ms,
            underFlood.ThroughputPerSecond, underFlood.Latency.P99Ms, underFlood.Refusals.ToDictionary(),
            figures, figures.Values.Sum(f => f.Sent) / floodSeconds, limits);
    }

    private static async Task FloodAsync(Uri server, int address, string endpoint, Func<int, (string Path, object Body)> request,
        ConcurrentDictionary<string, Counts> flood, CancellationToken stop)
    {
        var counts = flood.GetOrAdd(endpoint, _ => new Counts());
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        // A documentation address (TEST-NET-3) per flooder: the proxy's header names it as the client.
        http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{address + 1}");
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var (path, body) = request(i);
            try
            {
                using var response = await http.PostAsJsonAsync(path, body, stop);
                counts.Add(response.StatusCode, response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK
                    ? null : await response.Content.ReadAsStringAsync(stop));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                counts.Add(null, "transport error");
            }
        }
    }

    private sealed class Counts
    {
        private readonly ConcurrentDictionary<string, int> _other = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int> _refused = new(StringComparer.Ordinal);
        private int _sent;
        private int _accepted;

        public void Add(HttpStatusCode? status, string? body)
        {
            Interlocked.Increment(ref _sent);
            switch (status)
            {
                case HttpStatusCode.Created or HttpStatusCode.OK:
                    Interlocked.Increment(ref _accepted);
                    break;
                case HttpStatusCode.TooManyRequests:
                    _refused.AddOrUpdate(Code(body), 1, (_, n) => n + 1);
                    break;
                default:
                    _other.AddOrUpdate($"{(int?)status} {Code(body)}", 1, (_, n) => n + 1);
                    break;
            }
        }

        public EndpointFigures Figures() => new(_sent, _accepted, _refused.ToDictionary(), _other.ToDictionary());

        private static string Code(string? body)
        {
            try
            {
                return body is not null && JsonNode.Parse(body)?["code"]?.GetValue<string>() is { } code ? code : body ?? "";
            }
            catch (JsonException)
            {
                return body!.Length > 40 ? body[..40] : body;
            }
        }
    }

    /// <summary>The benchmark hall, its first services also taking remote numbers and bookings (the demo hall's booking rules).</summary>
    private static IReadOnlyList<int> WriteHall(string path)
    {
        var ids = BenchmarkHall.Write(path, 40);
        var hall = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var demo = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "QueueService", "HallSetup", "DemoHall.json")))!;
        var booking = demo["services"]![0]!["appointments"]!;
        foreach (var service in hall["services"]!.AsArray().Take(Services))
        {
            service!["remoteTicketing"] = true;
            service["appointments"] = booking.DeepClone();
        }
        File.WriteAllText(path, hall.ToJsonString());
        return ids;
    }

    /// <summary>Slots of the next days, on the half hour, in the hall's time zone (+08:00).</summary>
    private static DateTimeOffset SlotStart(int i)
    {
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date;
        return new DateTimeOffset(today.AddDays(1 + i % 5).AddMinutes(30 * (i / 5 % 40)), TimeSpan.FromHours(8));
    }

    private static string Phone(int i) => "139" + (i % 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Made-up resident ID numbers that pass the GB 11643 checksum (valid birth dates), as a scalper's script makes them.</summary>
    private static string IdNumber(int i)
    {
        var birth = new DateOnly(1950 + i % 50, 1 + i / 50 % 12, 1 + i / 600 % 28);
        var body = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (i / 16_800 % 1000).ToString("000", CultureInfo.InvariantCulture);
        var sum = body.Select((c, k) => (c - '0') * Weights[k]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
