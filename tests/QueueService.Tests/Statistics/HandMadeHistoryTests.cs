using System.Net;
using System.Net.Http.Json;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Statistics;
using Hall.QueueService.Storage;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Statistics;

/// <summary>
/// Every statistic on a day written by hand into the tickets and events tables (Monday 2026-11-23, Asia/Shanghai),
/// read back through <c>/api/stats</c> and <c>/api/staffing</c>.
/// </summary>
public abstract class HandMadeHistoryTests(HallDatabase hallDatabase) : IAsyncLifetime
{
    private const string Day = "2026-11-23";
    private readonly HallServerFactory _hall = new(database: hallDatabase);

    private static long At(int hour, int minute) => new DateTimeOffset(2026, 11, 23, hour, minute, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();

    public async Task InitializeAsync()
    {
        var database = _hall.Services.GetRequiredService<QueueDatabase>();
        var hallId = _hall.Services.GetRequiredService<HallCatalogHolder>().Current.HallId;
        _hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(8)));
        await using var scope = await database.BeginWriteAsync();

        async Task Ticket(string number, int service, int status, long issued, long? called = null, long? started = null, long? finished = null,
            int? window = null, string? staff = null, int? rating = null, int transfers = 0, int estimate = 0) =>
            await scope.Connection.ExecuteAsync(
                """
                INSERT INTO tickets (id, hall_id, hall_date, service_id, issued_service_id, number, priority, status, issued_at, called_at, started_at,
                    finished_at, window_number, staff_code, transfer_count, rating_level, estimated_wait_minutes)
                VALUES (@id, @hallId, @Day, @service, @service, @number, 0, @status, @issued, @called, @started, @finished, @window, @staff, @transfers, @rating, @estimate)
                """,
                new { id = Guid.NewGuid().ToString("D"), hallId, Day, service, number, status, issued, called, started, finished, window, staff, transfers, rating, estimate },
                scope.Transaction);
        async Task Event(string kind, long at, int window, string staff, string? detail = null) =>
            await scope.Connection.ExecuteAsync(
                "INSERT INTO events (hall_id, kind, at, hall_date, window_number, staff_code, detail) VALUES (@hallId, @kind, @at, @Day, @window, @staff, @detail)",
                new { hallId, kind, at, Day, window, staff, detail }, scope.Transaction);

        // Service 1 (promised 30 min), service 2 (promised 45 min).
        await Ticket("A001", 1, 3, At(9, 0), At(9, 10), At(9, 11), At(9, 31), 1, "1001", rating: 5, estimate: 12);     // wait 600 s, service 1200 s
        await Ticket("A002", 1, 3, At(9, 5), At(9, 35), At(9, 36), At(10, 16), 1, "1001", rating: 2, estimate: 20);    // wait 1800 s, service 2400 s (late)
        await Ticket("A003", 1, 4, At(9, 20), At(9, 40), window: 2, staff: "1002");                      // no-show after 1200 s
        await Ticket("B001", 2, 3, At(10, 10), At(10, 15), At(10, 15), At(10, 25), 2, "1002", rating: 4, transfers: 1);
        await Ticket("B002", 2, 5, At(10, 30));                                                           // cancelled
        await Ticket("A004", 1, 0, At(10, 40));                                                           // still waiting

        await Event("login", At(8, 55), 1, "1001", "post=A");
        await Event("logout", At(10, 25), 1, "1001");
        await Event("login", At(9, 0), 2, "1002", "post=A");
        await Event("login", At(10, 0), 2, "1001", "post=B");   // takes over without a logout row
        await Event("logout", At(11, 0), 2, "1001");
        await scope.CommitAsync();
    }

    public Task DisposeAsync()
    {
        _hall.Dispose();
        return Task.CompletedTask;
    }

    private async Task<StatsReport> StatsAsync() =>
        (await _hall.CreateClient().GetFromJsonAsync<StatsReport>($"/api/stats?from={Day}&to={Day}", Json.Options))!;

    [Fact]
    public async Task The_total_counts_every_outcome()
    {
        var total = (await StatsAsync()).Total;
        Assert.Equal(6, total.Issued);
        Assert.Equal(3, total.Served);
        Assert.Equal(1, total.NoShow);
        Assert.Equal(1, total.Cancelled);
        Assert.Equal(1, total.Transferred);
        Assert.Equal(975, total.AvgWaitSeconds);       // (600 + 1800 + 1200 + 300) / 4
        Assert.Equal(1800, total.P90WaitSeconds);      // nearest rank 4 of 4
        Assert.Equal(1400, total.AvgServiceSeconds);   // (1200 + 2400 + 600) / 3
        Assert.Equal(3, total.Rated);
        Assert.Equal(0.6667, total.SatisfactionRate);  // 非常满意 + 满意 of three
        Assert.Equal(1.0, total.RatedShare);
        Assert.Equal(2, total.ServedWithinPromised);
        Assert.Equal(0.6667, total.WithinPromisedShare);
        Assert.Equal(1, total.RatingCounts["5"]);
        Assert.Equal(1, total.RatingCounts["4"]);
        Assert.Equal(0, total.RatingCounts["3"]);
        // Told 12 and 20 minutes, waited 10, 30, 20 and 5 (told 0): |10-12| + |30-20| + 20 + 5 = 37 over 4.
        Assert.Equal(9.3, total.WaitEstimateErrorMinutes);
        Assert.Equal(1, total.RatingCounts["2"]);
    }

    [Fact]
    public async Task Services_have_their_own_figures_and_promised_times()
    {
        var report = await StatsAsync();
        var a = report.Services.Single(s => s.ServiceId == 1);
        Assert.Equal((4, 2, 1, 0L), (a.Issued, a.Served, a.NoShow, a.Cancelled));
        Assert.Equal(1200, a.AvgWaitSeconds);
        Assert.Equal(1800, a.P90WaitSeconds);          // nearest rank 3 of 3
        Assert.Equal(1800, a.AvgServiceSeconds);
        Assert.Equal(0.5, a.SatisfactionRate);
        Assert.Equal(0.5, a.WithinPromisedShare);

        var b = report.Services.Single(s => s.ServiceId == 2);
        Assert.Equal((2, 1, 0, 1L, 1L), (b.Issued, b.Served, b.NoShow, b.Cancelled, b.Transferred));
        Assert.Equal(300, b.P90WaitSeconds);
        Assert.Equal(1.0, b.SatisfactionRate);
        Assert.Equal(1.0, b.WithinPromisedShare);

        var idle = report.Services.Single(s => s.ServiceId == 3);
        Assert.Equal(0, idle.Issued);
        Assert.Null(idle.SatisfactionRate);
    }

    [Fact]
    public async Task Windows_and_clerks_count_what_they_handled_and_their_post_hours()
    {
        var report = await StatsAsync();
        var w1 = report.Windows.Single(w => w.WindowNumber == 1);
        Assert.Equal((2, 2, 0L), (w1.Issued, w1.Served, w1.NoShow));
        Assert.Equal(1.5, w1.APostHours);
        Assert.Equal(0, w1.BPostHours);

        var w2 = report.Windows.Single(w => w.WindowNumber == 2);
        Assert.Equal((2, 1, 1L), (w2.Issued, w2.Served, w2.NoShow));
        Assert.Equal(750, w2.AvgWaitSeconds);
        Assert.Equal(1200, w2.P90WaitSeconds);         // nearest rank 2 of 2
        Assert.Equal(1.0, w2.APostHours);
        Assert.Equal(1.0, w2.BPostHours);

        var wang = report.Clerks.Single(c => c.StaffCode == "1001");
        Assert.Equal("王丽", wang.Name);
        Assert.Equal(2, wang.Served);
        Assert.Equal(0.5, wang.SatisfactionRate);
        Assert.Equal(1.5, wang.APostHours);
        Assert.Equal(1.0, wang.BPostHours);
        var li = report.Clerks.Single(c => c.StaffCode == "1002");
        Assert.Equal(1, li.NoShow);
        Assert.Equal(1.0, li.APostHours);
    }

    [Fact]
    public async Task Hours_are_the_local_hours_of_issue()
    {
        var hours = (await StatsAsync()).Hours;
        Assert.Equal([9, 10], hours.Select(h => h.Hour));
        Assert.Equal(3, hours[0].Issued);
        Assert.Equal(3, hours[1].Issued);
        Assert.Equal(1, hours[1].Cancelled);
    }

    [Fact]
    public async Task Staffing_uses_the_measured_arrivals_service_times_and_logins()
    {
        var report = (await _hall.CreateClient().GetFromJsonAsync<StaffingReport>($"/api/staffing?date={Day}&targetWaitMinutes=15&serviceLevel=0.8", Json.Options))!;
        Assert.Equal([8, 9, 10], report.Hours.Select(h => h.Hour));
        var (eight, nine, ten) = (report.Hours[0], report.Hours[1], report.Hours[2]);
        Assert.Equal((0L, 1, 0), (eight.Arrivals, eight.OpenWindows, eight.RecommendedWindows));
        // 09:00: 3 arrivals, 1800 s each → 1.5 erlangs; 2 windows reach 49.9 % within 15 min, 3 reach 88.8 %.
        Assert.Equal((3L, 1800.0, 2, 3), (nine.Arrivals, nine.AvgServiceSeconds, nine.OpenWindows, nine.RecommendedWindows));
        // 10:00: 3 arrivals, 600 s → 0.5 erlangs; 1 window reaches 76.4 %, 2 reach 98.9 %.
        Assert.Equal((3L, 600.0, 2, 2), (ten.Arrivals, ten.AvgServiceSeconds, ten.OpenWindows, ten.RecommendedWindows));

        // 市场准入 (A) at 09:00: the same three arrivals; windows 1 and 2 both serve A.
        var market = report.Groups.Single(g => g.Category == "市场准入");
        Assert.Equal((3L, 1800.0, 2, 3), (market.Hours[0].Arrivals, market.Hours[0].AvgServiceSeconds, market.Hours[0].OpenWindows, market.Hours[0].RecommendedWindows));
        // 投资建设 (B) at 10:00: two arrivals, one served in 600 s; only window 1 of the open ones serves B and it logged out at 10:25.
        var building = report.Groups.Single(g => g.Category == "投资建设");
        var b10 = Assert.Single(building.Hours);
        Assert.Equal((10, 2L, 600.0, 1), (b10.Hour, b10.Arrivals, b10.AvgServiceSeconds, b10.OpenWindows));
        Assert.Equal(ErlangC.RequiredServers(2, 600, 900, 0.8), b10.RecommendedWindows);
    }

    [Theory]
    [InlineData("/api/stats?from=2026-11-31&to=2026-12-01")]
    [InlineData("/api/stats?from=2026-11-23")]
    [InlineData("/api/stats?from=2026-11-24&to=2026-11-23")]
    [InlineData("/api/reports/monthly?month=2026-13")]
    [InlineData("/api/staffing?date=yesterday")]
    [InlineData("/api/staffing?date=2026-11-23&serviceLevel=1.5")]
    [InlineData("/api/staffing?date=2026-11-23&targetWaitMinutes=abc")]
    public async Task Bad_queries_get_problem_details(string url)
    {
        var response = await _hall.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class HandMadeHistoryOnSqliteTests() : HandMadeHistoryTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class HandMadeHistoryOnPostgresTests(PostgresServer postgres) : HandMadeHistoryTests(HallDatabase.Postgres(postgres));
