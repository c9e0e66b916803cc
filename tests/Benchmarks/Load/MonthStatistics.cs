using System.Diagnostics;
using System.Globalization;
using Hall.Benchmarks.Hosting;
using Hall.TestSupport;
using Microsoft.Data.Sqlite;

namespace Hall.Benchmarks.Load;

/// <summary>
/// Statistics of a busy month: a real server's database is filled with a month of the demo hall (tickets with their
/// event rows: issued, called, started, finished or no-show, rated; clerk logins and logouts), then
/// <c>GET /api/stats</c> for the month and the monthly CSV are timed on the restarted server.
/// </summary>
public static class MonthStatistics
{
    public sealed record Result(int Tickets, int Events, double SeedSeconds, double StatsFirstMs, double StatsMedianMs, double MonthlyCsvMs, long CsvBytes,
        double ArchivedStatsMedianMs);

    // The month is measured in the live tables first (the daily archiving is off, or it would start moving October
    // while the figures are taken), then once more after the administrator has archived it.
    private static readonly string[] NoDailyArchiving = ["--Queue:ArchiveAfterDays=0"];

    private static readonly TimeSpan HallOffset = TimeSpan.FromHours(8);

    /// <summary>
    /// The growth curve: <paramref name="tickets"/> in October on a fresh server, <c>GET /api/stats</c> for the month,
    /// the median of <paramref name="repeats"/> after a first request (which pays for the JIT).
    /// </summary>
    public static async Task<(double SeedSeconds, double MedianMs)> CurvePointAsync(string dataDirectory, int tickets, int repeats)
    {
        await using (await ChildHost.StartQueueServiceAsync(dataDirectory, more: NoDailyArchiving))
        {
        }
        var seed = Stopwatch.StartNew();
        Seed(Path.Combine(dataDirectory, "queue.db"), tickets);
        var seedSeconds = seed.Elapsed.TotalSeconds;
        await using var server = await ChildHost.StartQueueServiceAsync(dataDirectory, more: NoDailyArchiving);
        using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        var times = new List<double>();
        for (var i = 0; i <= repeats; i++)
        {
            var ms = await StatsRequestMsAsync(http);
            if (i > 0)
            {
                times.Add(ms);
            }
        }
        return (seedSeconds, times.Order().ElementAt(times.Count / 2));
    }

    /// <param name="profileDirectory">With <c>--profile</c>: the server is sampled for a while of repeated requests after the timed ones.</param>
    public static async Task<Result> RunAsync(string dataDirectory, int tickets, int repeats, string? profileDirectory = null)
    {
        // A first start creates the schema and loads the demo hall.
        await using (await ChildHost.StartQueueServiceAsync(dataDirectory, more: NoDailyArchiving))
        {
        }
        var seed = Stopwatch.StartNew();
        var events = Seed(Path.Combine(dataDirectory, "queue.db"), tickets);
        seed.Stop();

        await using var server = await ChildHost.StartQueueServiceAsync(dataDirectory, more: NoDailyArchiving, profiled: profileDirectory is not null);
        using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            times.Add(await StatsRequestMsAsync(http));
        }
        if (profileDirectory is not null)
        {
            using var profiled = new CancellationTokenSource();
            var again = Task.Run(async () =>
            {
                while (!profiled.IsCancellationRequested)
                {
                    using var response = await http.GetAsync("/api/stats?from=2026-10-01&to=2026-10-31", CancellationToken.None);
                    await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                }
            });
            await SampledProfile.CollectAsync(profileDirectory, "month-stats", server.ProcessId, TimeSpan.FromSeconds(10));
            await profiled.CancelAsync();
            await again;
        }
        var csvWatch = Stopwatch.StartNew();
        var csv = await http.GetByteArrayAsync("/api/reports/monthly?month=2026-10");
        var csvMs = csvWatch.Elapsed.TotalMilliseconds;
        var sorted = times.Order().ToList();

        using var archive = new HttpRequestMessage(HttpMethod.Post, "/api/admin/archive?before=2026-11-01");
        archive.Headers.Authorization = DemoCredentials.AdminAuthorization;
        (await http.SendAsync(archive)).EnsureSuccessStatusCode();
        var archivedTimes = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            archivedTimes.Add(await StatsRequestMsAsync(http));
        }
        return new Result(tickets, events, seed.Elapsed.TotalSeconds, times[0], sorted[sorted.Count / 2], csvMs, csv.Length,
            archivedTimes.Order().ElementAt(archivedTimes.Count / 2));
    }

    /// <summary>One <c>GET /api/stats</c> of October, read to its end: how long it took.</summary>
    private static async Task<double> StatsRequestMsAsync(HttpClient http)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync("/api/stats?from=2026-10-01&to=2026-10-31");
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>October 2026 in the demo hall: tickets spread over 31 days, 08:00 to 17:00, service n at window n.</summary>
    private static int Seed(string databaseFile, int tickets)
    {
        var random = new Random(20261001);
        string[] prefixes = ["A", "B", "C", "D", "E", "F", "G", "H"];
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insertTicket = connection.CreateCommand();
        insertTicket.Transaction = transaction;
        insertTicket.CommandText =
            """
            INSERT INTO tickets (id, hall_id, hall_date, service_id, issued_service_id, number, priority, status, issued_at,
                                 called_at, started_at, finished_at, window_number, staff_code, rating_level, rated_at, estimated_wait_minutes)
            VALUES ($id, 'demo', $date, $service, $service, $number, 3, $status, $issued, $called, $started, $finished, $window, $staff, $rating, $rated, $estimate)
            """;
        var ticketParameters = new[] { "$id", "$date", "$service", "$number", "$status", "$issued", "$called", "$started", "$finished", "$window", "$staff", "$rating", "$rated", "$estimate" }
            .ToDictionary(n => n, n => insertTicket.Parameters.Add(new SqliteParameter { ParameterName = n }));
        using var insertEvent = connection.CreateCommand();
        insertEvent.Transaction = transaction;
        insertEvent.CommandText =
            """
            INSERT INTO events (hall_id, ticket_id, kind, at, hall_date, window_number, staff_code, device, service_id, detail)
            VALUES ('demo', $ticket, $kind, $at, $date, $window, $staff, 'seed', $service, $detail)
            """;
        var eventParameters = new[] { "$ticket", "$kind", "$at", "$date", "$window", "$staff", "$service", "$detail" }
            .ToDictionary(n => n, n => insertEvent.Parameters.Add(new SqliteParameter { ParameterName = n }));

        var events = 0;
        void Event(string? ticket, string kind, long at, string date, int window, string staff, int? service, string? detail)
        {
            eventParameters["$ticket"].Value = (object?)ticket ?? DBNull.Value;
            eventParameters["$kind"].Value = kind;
            eventParameters["$at"].Value = at;
            eventParameters["$date"].Value = date;
            eventParameters["$window"].Value = window;
            eventParameters["$staff"].Value = staff;
            eventParameters["$service"].Value = (object?)service ?? DBNull.Value;
            eventParameters["$detail"].Value = (object?)detail ?? DBNull.Value;
            insertEvent.ExecuteNonQuery();
            events++;
        }

        var perDay = (tickets + 30) / 31;
        var issued = 0;
        for (var day = 1; day <= 31 && issued < tickets; day++)
        {
            var date = new DateOnly(2026, 10, day);
            var dateKey = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var opening = new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), HallOffset);
            for (var window = 1; window <= 8; window++)
            {
                var staff = (1000 + window).ToString(CultureInfo.InvariantCulture);
                Event(null, "login", opening.AddMinutes(-5).ToUnixTimeMilliseconds(), dateKey, window, staff, null, "post=A");
                Event(null, "logout", opening.AddHours(9).ToUnixTimeMilliseconds(), dateKey, window, staff, null, null);
            }
            var spacing = TimeSpan.FromHours(8) / perDay;
            for (var i = 0; i < perDay && issued < tickets; i++, issued++)
            {
                var service = i % 8 + 1;
                var window = service;
                var staff = (1000 + window).ToString(CultureInfo.InvariantCulture);
                var id = Guid.NewGuid().ToString("D");
                var issuedAt = opening + spacing * i;
                var calledAt = issuedAt.AddSeconds(random.Next(30, 2400));
                var roll = random.NextDouble();
                var status = roll < 0.9 ? 3 : roll < 0.97 ? 4 : 5;
                DateTimeOffset? startedAt = status == 3 ? calledAt.AddSeconds(random.Next(20, 120)) : null;
                DateTimeOffset? finishedAt = status == 3 ? startedAt!.Value.AddSeconds(random.Next(180, 1500)) : status == 4 ? calledAt.AddMinutes(3) : null;
                int? rating = status == 3 && random.NextDouble() < 0.7 ? new[] { 5, 5, 5, 5, 4, 4, 4, 3, 2, 1 }[random.Next(10)] : null;

                ticketParameters["$id"].Value = id;
                ticketParameters["$date"].Value = dateKey;
                ticketParameters["$service"].Value = service;
                ticketParameters["$number"].Value = prefixes[service - 1] + (i / 8 + 1).ToString("D3", CultureInfo.InvariantCulture);
                ticketParameters["$status"].Value = status;
                ticketParameters["$issued"].Value = issuedAt.ToUnixTimeMilliseconds();
                ticketParameters["$called"].Value = status == 5 ? DBNull.Value : calledAt.ToUnixTimeMilliseconds();
                ticketParameters["$started"].Value = (object?)startedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
                ticketParameters["$finished"].Value = (object?)finishedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
                ticketParameters["$window"].Value = status == 5 ? DBNull.Value : window;
                ticketParameters["$staff"].Value = status == 5 ? DBNull.Value : staff;
                ticketParameters["$rating"].Value = (object?)rating ?? DBNull.Value;
                ticketParameters["$rated"].Value = rating is null ? DBNull.Value : finishedAt!.Value.AddSeconds(20).ToUnixTimeMilliseconds();
                ticketParameters["$estimate"].Value = random.Next(0, 40);
                insertTicket.ExecuteNonQuery();

                Event(id, "issued", issuedAt.ToUnixTimeMilliseconds(), dateKey, window, staff, service, null);
                if (status == 5)
                {
                    Event(id, "cancelled", opening.AddHours(16).ToUnixTimeMilliseconds(), dateKey, window, staff, service, "end of day");
                    continue;
                }
                Event(id, "called", calledAt.ToUnixTimeMilliseconds(), dateKey, window, staff, service, null);
                if (status == 4)
                {
                    Event(id, "noShow", finishedAt!.Value.ToUnixTimeMilliseconds(), dateKey, window, staff, service, null);
                    continue;
                }
                Event(id, "started", startedAt!.Value.ToUnixTimeMilliseconds(), dateKey, window, staff, service, null);
                Event(id, "finished", finishedAt!.Value.ToUnixTimeMilliseconds(), dateKey, window, staff, service, null);
                if (rating is { } level)
                {
                    Event(id, "rated", finishedAt!.Value.AddSeconds(20).ToUnixTimeMilliseconds(), dateKey, window, staff, service, "level=" + level.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
        transaction.Commit();
        return events;
    }
}
