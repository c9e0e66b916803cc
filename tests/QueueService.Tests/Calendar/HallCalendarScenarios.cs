using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Calendar;

/// <summary>
/// The calendar from outside, as the contract states it: a declared holiday closes ticketing (409 hallClosed with the
/// holiday's name) and appointment slots, and lists the bookings it strands; a make-up Saturday opens a weekday hall.
/// The clock starts on Monday 23 November 2026, 09:00.
/// </summary>
public abstract class HallCalendarScenarios(HallDatabase database) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: database);

    private static readonly DateTimeOffset TuesdayTen = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    private static object Holiday(string date, string name = "测试假日") => new { date, kind = "holiday", name };

    [Fact]
    public async Task A_declared_holiday_closes_the_hall_and_lists_the_bookings_to_move()
    {
        var citizen = _hall.CreateClient();
        var booked = await citizen.BookAsync(1, TuesdayTen, AppointmentClient.Phone(7));
        var admin = _hall.CreateAdminClient();

        var put = await admin.PutAsJsonAsync("/api/admin/calendar/2026", new[] { Holiday("2026-11-24") });
        await put.EnsureOkAsync();
        var change = JsonNode.Parse(await put.Content.ReadAsStringAsync())!;
        Assert.Equal(booked.Code, change["bookingsToMove"]![0]!["appointment"]!["code"]!.GetValue<string>());
        Assert.Empty(await citizen.SlotsAsync(1, "2026-11-24"));
        Assert.NotEmpty(await citizen.SlotsAsync(1, "2026-11-25"));

        var listed = await citizen.GetFromJsonAsync<JsonArray>("/api/calendar?year=2026");
        Assert.Equal("2026-11-24", Assert.Single(listed!)!["date"]!.GetValue<string>());
        Assert.Equal("holiday", listed![0]!["kind"]!.GetValue<string>());

        _hall.Clock.Advance(TimeSpan.FromDays(1));
        var refused = await citizen.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        Assert.Equal("hallClosed", await refused.ProblemCodeAsync());
        Assert.Contains("测试假日", await refused.ProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
        var hall = await citizen.GetFromJsonAsync<JsonObject>("/api/hall");
        Assert.False(hall!["isOpen"]!.GetValue<bool>());
        Assert.Equal("测试假日", hall["holiday"]!.GetValue<string>());
        var services = await citizen.GetFromJsonAsync<JsonArray>("/api/services");
        Assert.All(services!, s => Assert.StartsWith("测试假日放假", s!["closedReason"]!.GetValue<string>(), StringComparison.Ordinal));

        _hall.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).StatusCode);
    }

    [Fact]
    public async Task A_make_up_Saturday_opens_a_weekday_hall_with_its_weekday_hours()
    {
        var admin = _hall.CreateAdminClient();
        var hallFile = await admin.HallAsync();
        hallFile["openDays"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday");
        await (await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(hallFile))).EnsureOkAsync();
        var import = await admin.PostAsJsonAsync("/api/admin/calendar/2026/import", new { text = "# 调休\n调休  2026-11-28  班\n" });
        await import.EnsureOkAsync();

        var citizen = _hall.CreateClient();
        _hall.Clock.Jump(TimeSpan.FromDays(5));
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).StatusCode);
        _hall.Clock.Advance(TimeSpan.FromDays(1));
        var sunday = await citizen.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        Assert.Equal(HttpStatusCode.Conflict, sunday.StatusCode);
        Assert.NotEqual("hallClosed", await sunday.ProblemCodeAsync());

        var text = await admin.GetFromJsonAsync<JsonObject>("/api/admin/calendar/2026/text");
        Assert.Equal("调休  2026-11-28  班", text!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mistyped_notice_is_refused_naming_the_line_and_nothing_changes()
    {
        var admin = _hall.CreateAdminClient();
        await (await admin.PutAsJsonAsync("/api/admin/calendar/2026", new[] { Holiday("2026-12-31", "跨年") })).EnsureOkAsync();

        var typo = await admin.PostAsJsonAsync("/api/admin/calendar/2026/import", new { text = "元旦 2026-01-01 休\n国庆节 2026-10-0 休" });
        Assert.Equal("invalidCalendar", await typo.ProblemCodeAsync());
        Assert.Contains("第2行", await typo.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);

        var weekday = await admin.PutAsJsonAsync("/api/admin/calendar/2026", new[] { new { date = "2026-10-09", kind = "workday", name = "国庆节" } });
        Assert.Contains("2026-10-09", await weekday.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var otherYear = await admin.PutAsJsonAsync("/api/admin/calendar/2026", new[] { Holiday("2027-01-01", "元旦") });
        Assert.Equal("invalidCalendar", await otherYear.ProblemCodeAsync());
        Assert.Equal("invalidYear", await (await admin.GetAsync("/api/calendar?year=19")).ProblemCodeAsync());

        var kept = await admin.GetFromJsonAsync<JsonArray>("/api/calendar?year=2026");
        Assert.Equal("跨年", Assert.Single(kept!)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_administrator_changes_the_calendar_and_a_year_replaces_only_itself()
    {
        var body = new[] { Holiday("2026-12-31", "跨年") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().PutAsJsonAsync("/api/admin/calendar/2026", body)).StatusCode);
        var supervisor = await _hall.LoginSupervisorAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.PutAsJsonAsync("/api/admin/calendar/2026", body)).StatusCode);

        var admin = _hall.CreateAdminClient();
        await (await admin.PutAsJsonAsync("/api/admin/calendar/2027", new { entries = new[] { Holiday("2027-01-01", "元旦") } })).EnsureOkAsync();
        await (await admin.PutAsJsonAsync("/api/admin/calendar/2026", body)).EnsureOkAsync();

        var hallFile = await admin.HallAsync();
        Assert.Equal(["2026-12-31", "2027-01-01"], hallFile["calendar"]!.AsArray().Select(e => e!["date"]!.GetValue<string>()));
        var audit = await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify");
        Assert.True(audit!["ok"]!.GetValue<bool>());
    }

    public void Dispose() => _hall.Dispose();
}

public sealed class HallCalendarOnSqliteScenarios() : HallCalendarScenarios(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class HallCalendarOnPostgresScenarios(PostgresServer postgres) : HallCalendarScenarios(HallDatabase.Postgres(postgres));
