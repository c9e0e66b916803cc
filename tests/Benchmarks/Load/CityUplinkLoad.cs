using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.Benchmarks.Hosting;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;

namespace Hall.Benchmarks.Load;

/// <summary>
/// Hall and city at scale on this machine: a real city server (the QueueService with <c>--Queue:Role=city</c>) on a
/// throw-away PostgreSQL cluster; <c>halls</c> simulated halls, each with its own key from the city's administration
/// API, upload a working day each (every ticket issued, called, started, finished, most rated) in batches of 500 events
/// as a hall's uplink sends them (chained, each ticket event with the ticket's state), several halls at a time. Then
/// the city's month report over all of them. The halls are simulated (a hundred hall servers do not fit on two cores);
/// the city is the real one.
/// </summary>
public static class CityUplinkLoad
{
    public sealed record Result(int Halls, int TicketsPerHall, long Events, double UploadSeconds, double EventsPerSecond,
        double CityCpuMsPerThousandEvents, double MonthReportMs, double MonthReportFirstMs, double CityStatsMs, long ReportRows);

    private const int BatchSize = 500;
    private const int ParallelHalls = 8;

    public static async Task<Result> RunAsync(int halls, int ticketsPerHall)
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            var database = await postgres.CreateDatabaseAsync("city");
            await using var city = await ChildHost.StartQueueServiceAsync(RepositoryPaths.NewTempDirectory("city"), more:
                ["--Queue:Role=city", "--Queue:Database=postgres", "--ConnectionStrings:Queue=" + database]);
            using var http = new HttpClient { BaseAddress = city.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
            var keys = new List<(string HallId, string Key)>();
            for (var h = 0; h < halls; h++)
            {
                var hallId = string.Create(CultureInfo.InvariantCulture, $"hall-{h:000}");
                var answer = await http.PostAsJsonAsync("/api/admin/uplink-halls", new { hallId, name = $"第{h + 1}大厅" });
                answer.EnsureSuccessStatusCode();
                keys.Add((hallId, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!));
            }
            var day = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
            var cpuBefore = city.CpuTime;
            var clock = Stopwatch.StartNew();
            long events = 0;
            await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = ParallelHalls }, async (hall, cancellationToken) =>
            {
                var sent = await UploadDayAsync(city.BaseUrl, hall.HallId, hall.Key, day, ticketsPerHall, cancellationToken);
                Interlocked.Add(ref events, sent);
            });
            clock.Stop();
            var cpu = city.CpuTime - cpuBefore;

            var month = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var times = new List<double>();
            long rows = 0;
            for (var i = 0; i < 3; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var csv = await http.GetStringAsync($"/api/city/reports/monthly?month={month}");
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
            }
            var statsStarted = Stopwatch.GetTimestamp();
            await http.GetStringAsync($"/api/city/stats?from={day:yyyy-MM-dd}&to={day.AddMonths(1).AddDays(-1):yyyy-MM-dd}");
            var statsMs = Stopwatch.GetElapsedTime(statsStarted).TotalMilliseconds;
            return new Result(halls, ticketsPerHall, events, clock.Elapsed.TotalSeconds, events / clock.Elapsed.TotalSeconds,
                cpu.TotalMilliseconds / (events / 1000.0), times.Order().ElementAt(1), times[0], statsMs, rows);
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    /// <summary>One hall's working day, 09:00 onwards, one ticket every few seconds; answers the events sent.</summary>
    private static async Task<long> UploadDayAsync(Uri city, string hallId, string key, DateOnly day, int tickets, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = city, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Hall-Key", key);
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
        var hallDate = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var random = new Random(hallId.GetHashCode(StringComparison.Ordinal));
        var batch = new List<object>(BatchSize);
        string? previous = null;
        long id = 0, sent = 0;
        for (var t = 0; t < tickets; t++)
        {
            var ticketId = Guid.CreateVersion7().ToString("D");
            var issued = start + t * 8_000L;
            var called = issued + random.Next(60_000, 1_800_000);
            var begun = called + 20_000;
            var finished = begun + random.Next(120_000, 900_000);
            int? level = random.Next(10) < 7 ? random.Next(10) < 9 ? 5 : 2 : null;
            var state = new
            {
                hallDate, serviceId = 1 + t % 8, status = 3, issuedAt = issued, calledAt = called, startedAt = begun, finishedAt = finished,
                windowNumber = 1 + t % 6, staffCode = string.Create(CultureInfo.InvariantCulture, $"{1001 + t % 6}"), transferCount = 0,
                estimatedWaitMinutes = 10, ratingLevel = level, ratingExcluded = false, outcome = t % 3 == 0 ? "accepted" : "completed",
            };
            var kinds = level is null ? new[] { ("issued", issued), ("called", called), ("started", begun), ("finished", finished) }
                : [("issued", issued), ("called", called), ("started", begun), ("finished", finished), ("rated", finished + 30_000)];
            foreach (var (kind, at) in kinds)
            {
                id++;
                var hash = string.Create(CultureInfo.InvariantCulture, $"{hallId}-{id}");
                batch.Add(new
                {
                    id, previousHash = previous, hash, ticketId, kind, at, hallDate, windowNumber = (int?)state.windowNumber, staffCode = state.staffCode,
                    device = kind == "issued" ? "kiosk-1" : null, serviceId = (int?)state.serviceId, detail = kind == "finished" ? "outcome=" + state.outcome : null,
                    ticket = state,
                });
                previous = hash;
                if (batch.Count == BatchSize)
                {
                    sent += await SendAsync(http, hallId, batch, cancellationToken);
                }
            }
        }
        if (batch.Count > 0)
        {
            sent += await SendAsync(http, hallId, batch, cancellationToken);
        }
        return sent;
    }

    private static async Task<int> SendAsync(HttpClient http, string hallId, List<object> events, CancellationToken cancellationToken)
    {
        var body = new
        {
            hallId, hallName = hallId, sentAt = DateTimeOffset.UtcNow, backlog = 0,
            profile = new { timeZone = "Asia/Shanghai", services = Enumerable.Range(1, 8).Select(s => new { id = s, name = $"事项{s}", promisedMinutes = 30 }) },
            alerts = Array.Empty<object>(), events,
        };
        using var content = JsonContent.Create(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/uplink/events", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The city refused a batch of {hallId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        var count = events.Count;
        events.Clear();
        return count;
    }
}
