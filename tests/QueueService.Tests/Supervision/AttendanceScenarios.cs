using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>
/// 考勤 from the event record, against the hall's opening hours (09:00–12:00, 13:30–17:00 here). The clock starts on
/// Monday 23 November 2026, 09:00.
/// </summary>
public abstract class AttendanceScenarios(HallDatabase database) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: database);

    public void Dispose() => _hall.Dispose();

    [Fact]
    public async Task A_clerks_day_gives_late_early_paused_minutes_and_others_are_absent()
    {
        var admin = _hall.CreateAdminClient();
        var hallFile = await admin.HallAsync();
        hallFile["openingHours"] = JsonNode.Parse("""[{ "from": "09:00", "to": "12:00" }, { "from": "13:30", "to": "17:00" }]""");
        await (await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(hallFile))).EnsureOkAsync();

        _hall.Clock.Advance(TimeSpan.FromMinutes(10));
        var clerk = await _hall.LoginAsync(1, "1001");
        _hall.Clock.Advance(TimeSpan.FromMinutes(20));
        (await clerk.PostAsJsonAsync("/api/windows/1/pause", new { reason = "其他" })).EnsureSuccessStatusCode();
        _hall.Clock.Advance(TimeSpan.FromMinutes(15));
        (await clerk.PostAsync("/api/windows/1/resume", null)).EnsureSuccessStatusCode();
        _hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.FromHours(8)));
        (await clerk.PostAsync("/api/windows/1/logout", null)).EnsureSuccessStatusCode();
        _hall.Clock.Advance(TimeSpan.FromDays(1));

        var supervisor = await _hall.LoginSupervisorAsync();
        var days = (await supervisor.GetFromJsonAsync<JsonArray>("/api/attendance?from=2026-11-23&to=2026-11-24"))!;
        JsonNode Day(string staffCode, string date) => days.Single(d => d!["staffCode"]!.GetValue<string>() == staffCode && d["date"]!.GetValue<string>() == date)!;

        var monday = Day("1001", "2026-11-23");
        Assert.False(monday["absent"]!.GetValue<bool>());
        Assert.Equal(10, monday["lateMinutes"]!.GetValue<int>());
        Assert.Equal(30, monday["earlyLeaveMinutes"]!.GetValue<int>());
        Assert.Equal(15, monday["pausedMinutes"]!.GetValue<int>());
        Assert.StartsWith("2026-11-23T09:10:00", monday["firstLoginAt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("2026-11-23T16:30:00", monday["lastLogoutAt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Day("1002", "2026-11-23")["absent"]!.GetValue<bool>());
        Assert.True(Day("1001", "2026-11-24")["absent"]!.GetValue<bool>());
        Assert.DoesNotContain(days, d => d!["staffCode"]!.GetValue<string>() == "9001");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().GetAsync("/api/attendance?from=2026-11-23&to=2026-11-24")).StatusCode);
    }
}

public sealed class AttendanceOnSqliteScenarios() : AttendanceScenarios(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class AttendanceOnPostgresScenarios(PostgresServer postgres) : AttendanceScenarios(HallDatabase.Postgres(postgres));
