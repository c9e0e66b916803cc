using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Archiving;
using Hall.QueueService.Storage;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Archiving;

/// <summary>
/// Archiving of old hall days, the same on the embedded SQLite file and on PostgreSQL: statistics, reports and
/// staffing answer the same after it, the live tables lose exactly the old days, archived tickets are still found,
/// and a second run or a failed run moves nothing twice.
/// </summary>
public abstract class ArchivingScenarios
{
    private const string AdminUser = "archive-admin";
    private const string AdminPassword = "archive password 2026";

    private static readonly DateOnly FirstDay = DateOnly.FromDateTime(HallServerFactory.Start.Date);

    /// <summary>A hall on this test class's database with these settings.</summary>
    protected abstract Task<HallServerFactory> NewHallAsync(Dictionary<string, string?> settings);

    private Task<HallServerFactory> HallAsync(int archiveAfterDays = 0) => NewHallAsync(new()
    {
        ["Queue:ArchiveAfterDays"] = archiveAfterDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Admin:User"] = AdminUser,
        ["Admin:Password"] = AdminPassword,
        // Supervision checks every 15 s by default; over a month of test clock that is only waiting.
        ["Supervision:CheckIntervalSeconds"] = "3600",
    });

    private static HttpClient Admin(HallServerFactory hall)
    {
        var client = hall.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(AdminUser + ":" + AdminPassword)));
        return client;
    }

    private static async Task<ArchiveRun> ArchiveAsync(HallServerFactory hall, string before)
    {
        var response = await Admin(hall).PostAsync($"/api/admin/archive?before={before}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ArchiveRun>(Json.Options))!;
    }

    /// <summary>Everything statistics answer over the month, as the bytes a client gets.</summary>
    private static async Task<Dictionary<string, string>> ReportsAsync(HallServerFactory hall, DateOnly today)
    {
        var client = Admin(hall);
        var urls = new List<string>
        {
            $"/api/stats?from={FirstDay:yyyy-MM-dd}&to={today:yyyy-MM-dd}",
            $"/api/stats?from={FirstDay.AddDays(3):yyyy-MM-dd}&to={FirstDay.AddDays(3):yyyy-MM-dd}",
            "/api/reports/monthly?month=2026-11",
            "/api/reports/monthly?month=2026-12",
            $"/api/reports/stats?from={FirstDay:yyyy-MM-dd}&to={today:yyyy-MM-dd}",
            "/api/follow-ups?status=all",
        };
        for (var day = FirstDay; day <= today; day = day.AddDays(5))
        {
            urls.Add($"/api/staffing?date={day:yyyy-MM-dd}&targetWaitMinutes=15&serviceLevel=0.8");
        }
        var answers = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
            answers[url] = Convert.ToBase64String(await response.Content.ReadAsByteArrayAsync());
        }
        return answers;
    }

    [Fact]
    public async Task A_month_of_history_reads_the_same_after_archiving_and_the_live_tables_keep_only_today()
    {
        using var hall = await HallAsync();
        var history = new List<IssuedTicket>();
        for (var i = 0; i < 31; i++)
        {
            history.AddRange(await HallHistory.LiveDayAsync(hall, FirstDay.AddDays(i), i));
        }
        // Today: one ticket served and one still waiting.
        var today = FirstDay.AddDays(31);
        var todayKey = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        hall.Clock.SetUtcNow(HallHistory.At(today, 9, 0));
        var clerk = await hall.LoginAsync(1, "1001");
        var served = await hall.IssueAsync(1);
        var waiting = await hall.IssueAsync(2);
        Assert.Equal("A001", await clerk.CallNextNumberAsync(1));
        await clerk.ActAsync(1, "start");
        hall.Clock.Advance(TimeSpan.FromMinutes(4));
        await clerk.ActAsync(1, "finish");

        var before = await ReportsAsync(hall, today);
        var oldTicket = await hall.CreateClient().GetStringAsync($"/api/tickets/{history[0].Id}");
        var followUps = await Admin(hall).GetFromJsonAsync<List<JsonElement>>("/api/follow-ups?status=all", Json.Options);
        Assert.NotEmpty(followUps!);
        var liveTicketsBefore = await TableCounts.BeforeAsync(hall, "tickets", todayKey);
        var liveEventsBefore = await TableCounts.BeforeAsync(hall, "events", todayKey);
        var todayTickets = await TableCounts.OnAsync(hall, "tickets", todayKey);
        var todayEvents = await TableCounts.OnAsync(hall, "events", todayKey);
        Assert.Equal(history.Count, liveTicketsBefore);

        var run = await ArchiveAsync(hall, todayKey);
        Assert.Equal(todayKey, run.Before);
        Assert.Equal(31, run.Archived.Count);
        Assert.Empty(run.Skipped);
        Assert.Equal(history.Count, run.Tickets);
        Assert.Equal(liveEventsBefore, run.Events);
        Assert.All(run.Archived, d => Assert.Equal(2, d.WindowSessions));   // both clerks' logins of the day, closed

        // The live tables hold only today; the archive holds the rest, once.
        Assert.Equal(0, await TableCounts.BeforeAsync(hall, "tickets", todayKey));
        Assert.Equal(0, await TableCounts.BeforeAsync(hall, "events", todayKey));
        Assert.Equal(0, await TableCounts.BeforeAsync(hall, "ticket_counters", todayKey));
        Assert.Equal(0, await TableCounts.CountAsync(hall, "window_sessions", "ended_at IS NOT NULL"));
        Assert.Equal(todayTickets, await TableCounts.OnAsync(hall, "tickets", todayKey));
        // Plus one row per day moved: archiving is on the record (dated today, so it stays live).
        Assert.Equal(todayEvents + run.Archived.Count, await TableCounts.OnAsync(hall, "events", todayKey));
        Assert.Equal(liveTicketsBefore, await TableCounts.CountAsync(hall, "tickets_archive"));
        Assert.Equal(liveEventsBefore, await TableCounts.CountAsync(hall, "events_archive"));
        Assert.Equal(0, await TableCounts.CountAsync(hall, "tickets_archive", "hall_date >= @todayKey", new { todayKey }));

        // Statistics, CSV reports, staffing and follow-ups answer byte for byte as before.
        var after = await ReportsAsync(hall, today);
        foreach (var (url, answer) in before)
        {
            Assert.True(answer == after[url], $"{url} changed after archiving");
        }

        // Archived tickets and the tickets follow-ups point to are still found; today's tickets were not touched.
        Assert.Equal(oldTicket, await hall.CreateClient().GetStringAsync($"/api/tickets/{history[0].Id}"));
        foreach (var followUp in followUps!)
        {
            var ticket = await hall.CreateClient().GetFromJsonAsync<TicketView>($"/api/tickets/{followUp.GetProperty("ticketId").GetGuid()}", Json.Options);
            Assert.Equal(followUp.GetProperty("ticketNumber").GetString(), ticket!.Number);
            Assert.Equal(followUp.GetProperty("level").GetInt32(), ticket.Rating!.Level);
        }
        Assert.Equal(HttpStatusCode.OK, (await hall.CreateClient().GetAsync($"/t/{history[0].Id}")).StatusCode);
        Assert.Equal(TicketStatus.Done, (await hall.CreateClient().GetFromJsonAsync<TicketView>($"/api/tickets/{served.Id}", Json.Options))!.Status);

        // A second run moves nothing; the day goes on.
        var again = await ArchiveAsync(hall, todayKey);
        Assert.Empty(again.Archived);
        Assert.Equal(liveTicketsBefore, await TableCounts.CountAsync(hall, "tickets_archive"));
        Assert.Equal(liveEventsBefore, await TableCounts.CountAsync(hall, "events_archive"));
        Assert.Equal("B001", await clerk.CallNextNumberAsync(1));
        Assert.Equal(waiting.Id, (await hall.CreateClient().GetFromJsonAsync<TicketView>($"/api/tickets/{waiting.Id}", Json.Options))!.Id);
        Assert.Equal("A002", (await hall.IssueAsync(1)).Number);
    }

    [Fact]
    public async Task A_failed_day_rolls_back_whole_and_the_next_run_moves_it_once()
    {
        using var hall = await HallAsync();
        var day1 = await HallHistory.LiveDayAsync(hall, FirstDay, 0);
        var day2 = await HallHistory.LiveDayAsync(hall, FirstDay.AddDays(1), 1);
        hall.Clock.SetUtcNow(HallHistory.At(FirstDay.AddDays(2), 9, 0));
        var day1Key = FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var day2Key = FirstDay.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var day2Events = await TableCounts.OnAsync(hall, "events", day2Key);

        // A row already in the archive with the id of one of day 2's tickets makes day 2's copy fail half-way (after
        // its events were copied): the day's transaction must leave every one of its rows live.
        var database = hall.Services.GetRequiredService<QueueDatabase>();
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO tickets_archive (id, hall_id, hall_date, service_id, issued_service_id, number, priority, status, issued_at)
                VALUES (@id, 'blocker', '2000-01-01', 1, 1, 'X001', 0, 3, 0)
                """, new { id = day2[0].Id.ToString("D") });
        }
        var failed = await Admin(hall).PostAsync($"/api/admin/archive?before={FirstDay.AddDays(2):yyyy-MM-dd}", null);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(0, await TableCounts.OnAsync(hall, "tickets", day1Key));
        Assert.Equal(day2.Count, await TableCounts.OnAsync(hall, "tickets", day2Key));
        Assert.Equal(day2Events, await TableCounts.OnAsync(hall, "events", day2Key));
        Assert.Equal(0, await TableCounts.OnAsync(hall, "events_archive", day2Key));

        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("DELETE FROM tickets_archive WHERE hall_id = 'blocker'");
        }
        var run = await ArchiveAsync(hall, FirstDay.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var moved = Assert.Single(run.Archived);
        Assert.Equal((day2Key, day2.Count, (int)day2Events), (moved.Date, moved.Tickets, moved.Events));
        Assert.Equal(day1.Count + day2.Count, await TableCounts.CountAsync(hall, "tickets_archive"));
        Assert.Equal(0, await TableCounts.CountAsync(hall, "tickets"));
    }

    [Fact]
    public async Task A_ticket_a_window_may_still_rate_keeps_its_day_live_and_today_is_never_archived()
    {
        using var hall = await HallAsync();
        var day = FirstDay;
        var dayKey = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        hall.Clock.SetUtcNow(HallHistory.At(day, 23, 50));
        var clerk = await hall.LoginAsync(1, "1001");
        var late = await hall.IssueAsync(1);
        await clerk.CallNextNumberAsync(1);
        await clerk.ActAsync(1, "start");
        hall.Clock.SetUtcNow(HallHistory.At(day, 23, 59).AddSeconds(40));
        await clerk.ActAsync(1, "finish");
        hall.Clock.Advance(TimeSpan.FromSeconds(30));   // 00:00:10 the next day: the evaluator may still rate it

        var nextDayKey = day.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var run = await ArchiveAsync(hall, "2099-01-01");
        Assert.Equal(nextDayKey, run.Before);           // never today or later
        var skipped = Assert.Single(run.Skipped);
        Assert.Equal((dayKey, "windowHoldsTicket"), (skipped.Date, skipped.Reason));
        Assert.Empty(run.Archived);
        Assert.Equal(1, await TableCounts.OnAsync(hall, "tickets", dayKey));

        var rated = await hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level = 5 });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        hall.Clock.Advance(TimeSpan.FromMinutes(1));
        var today = await hall.IssueAsync(2);
        run = await ArchiveAsync(hall, "2099-01-01");
        Assert.Equal(dayKey, Assert.Single(run.Archived).Date);
        Assert.Equal(5, (await hall.CreateClient().GetFromJsonAsync<TicketView>($"/api/tickets/{late.Id}", Json.Options))!.Rating!.Level);
        Assert.Equal(1, await TableCounts.OnAsync(hall, "tickets", nextDayKey));
        Assert.Equal(TicketStatus.Waiting, (await hall.CreateClient().GetFromJsonAsync<TicketView>($"/api/tickets/{today.Id}", Json.Options))!.Status);
    }

    [Fact]
    public async Task Daily_archiving_moves_the_days_older_than_the_setting_by_itself()
    {
        using var hall = await HallAsync(archiveAfterDays: 3);
        for (var i = 0; i < 6; i++)
        {
            await HallHistory.LiveDayAsync(hall, FirstDay.AddDays(i), i);
        }
        var today = FirstDay.AddDays(6);
        hall.Clock.SetUtcNow(HallHistory.At(today, 9, 0));
        var cutoff = today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The clock passed the archiver's hourly ticks since midnight; wait (bounded) until that run has moved every day
        // before the cut-off.
        await Eventually.TrueAsync(async () =>
            await TableCounts.BeforeAsync(hall, "tickets", cutoff) == 0 && await TableCounts.BeforeAsync(hall, "events", cutoff) == 0, TestTimeouts.Slow);
        Assert.Equal(0, await TableCounts.BeforeAsync(hall, "ticket_counters", cutoff));
        Assert.Equal(3, await TableCounts.CountAsync(hall, "(SELECT DISTINCT hall_date FROM tickets_archive) d"));
        Assert.Equal(3, await TableCounts.CountAsync(hall, "(SELECT DISTINCT hall_date FROM tickets) d"));
    }

    [Fact]
    public async Task Archiving_by_hand_needs_the_administrator_and_a_date()
    {
        using var hall = await HallAsync();
        var anonymous = await hall.CreateClient().PostAsync("/api/admin/archive?before=2026-11-01", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var clerk = await hall.LoginAsync(1, "1001");
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.PostAsync("/api/admin/archive?before=2026-11-01", null)).StatusCode);
        foreach (var bad in new[] { "", "?before=yesterday", "?before=2026-02-30" })
        {
            var response = await Admin(hall).PostAsync("/api/admin/archive" + bad, null);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
