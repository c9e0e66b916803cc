using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.Contracts.Hub;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue.AfterHours;
using Hall.QueueService.Supervision;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.AfterHours;

/// <summary>
/// 延时服务 in a hall open 09:00–12:00 and 13:30–17:00 whose kiosks keep issuing 15 minutes after closing for the
/// citizens still inside. The clock starts on Monday 23 November 2026, 09:00.
/// </summary>
public abstract class AfterHoursServiceTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(HallWith(ticketingMinutesAfterClosing: 15), hallDatabase);

    public void Dispose() => _hall.Dispose();

    public static Dictionary<string, string?> HallWith(int ticketingMinutesAfterClosing)
    {
        var hall = HallFileLoader.LoadDemoHall() with
        {
            OpeningHours = [new("09:00", "12:00"), new("13:30", "17:00")],
            AfterHours = new AfterHoursRules { TicketingMinutesAfterClosing = ticketingMinutesAfterClosing },
        };
        var file = Path.Combine(TestPaths.NewTempDirectory("after-hours-hall"), "hall.json");
        File.WriteAllText(file, HallFileLoader.Serialize(hall));
        return new() { ["Queue:HallFile"] = file };
    }

    private void At(int hour, int minute) =>
        _hall.Clock.Advance(new DateTimeOffset(2026, 11, 23, hour, minute, 0, TimeSpan.FromHours(8)) - _hall.Clock.GetUtcNow());

    [Fact]
    public async Task Kiosks_issue_until_the_last_ticket_time_and_visits_finished_after_closing_are_counted()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        At(16, 50);
        await _hall.IssueAsync(1);
        await clerk.CallNextNumberAsync(1);
        (await clerk.PostAsync("/api/windows/1/finish", null)).EnsureSuccessStatusCode();   // before closing: not 延时

        At(17, 10);   // after closing, within the last-ticket time
        await _hall.IssueAsync(1);
        await clerk.CallNextNumberAsync(1);
        (await clerk.PostAsync("/api/windows/1/finish", null)).EnsureSuccessStatusCode();

        At(17, 15);   // the last-ticket time has passed
        var late = await _hall.CreateClient().PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("outsideTicketingHours", await late.ProblemCodeAsync());

        var supervisor = await _hall.LoginSupervisorAsync();
        var report = await supervisor.GetFromJsonAsync<AfterHoursReport>("/api/supervision/after-hours?from=2026-11-23&to=2026-11-23", Json.Options);
        Assert.Equal(1, report!.Visits);
        Assert.Equal([new AfterHoursDay("2026-11-23", 1)], report.Days);
        Assert.Equal(15, report.TicketingMinutesAfterClosing);
    }

    [Fact]
    public async Task A_refusal_after_closing_is_registered_with_its_reason_and_alerts_the_supervisors()
    {
        var clerk = await _hall.LoginAsync(2, "1002");
        var early = await clerk.PostAsJsonAsync("/api/windows/2/after-hours-refusal", new { reason = "系统已关闭" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("notAfterHours", await early.ProblemCodeAsync());

        At(16, 55);
        var ticket = await _hall.IssueAsync(2);
        At(17, 20);
        Assert.Equal("afterHoursReasonRequired", await (await clerk.PostAsJsonAsync("/api/windows/2/after-hours-refusal", new { reason = " " })).ProblemCodeAsync());
        Assert.Equal("unknownTicketNumber", await (await clerk.PostAsJsonAsync("/api/windows/2/after-hours-refusal", new { reason = "x", ticketNumber = "Z999" })).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/windows/3/after-hours-refusal", new { reason = "x" })).StatusCode);
        var refused = await clerk.PostAsJsonAsync("/api/windows/2/after-hours-refusal", new { reason = "需上级部门审批系统，已下班关闭，约定明日优先办理", ticketNumber = ticket.Number });
        Assert.Equal(HttpStatusCode.Created, refused.StatusCode);

        var alerts = (await _hall.CreateAdminClient().GetFromJsonAsync<List<AlertView>>("/api/alerts", Json.Options))!;
        var alert = Assert.Single(alerts, a => a.Kind == AlertKinds.AfterHoursRefusal);
        Assert.Contains(ticket.Number, alert.Message, StringComparison.Ordinal);
        Assert.Contains("约定明日优先办理", alert.Message, StringComparison.Ordinal);

        var supervisor = await _hall.LoginSupervisorAsync();
        var report = await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/after-hours?from=2026-11-23&to=2026-11-23");
        var line = Assert.Single(report.GetProperty("refusals").EnumerateArray());
        Assert.Equal(ticket.Number, line.GetProperty("ticketNumber").GetString());
        Assert.Equal("1002", line.GetProperty("staffCode").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().GetAsync("/api/supervision/after-hours?from=2026-11-23&to=2026-11-23")).StatusCode);
    }

    [Fact]
    public void A_last_ticket_time_beyond_four_hours_names_the_setting()
    {
        var errors = HallDefinitionValidator.Validate(HallFileLoader.LoadDemoHall() with { AfterHours = new AfterHoursRules { TicketingMinutesAfterClosing = 300 } });
        Assert.Contains(errors, e => e.StartsWith("afterHours.ticketingMinutesAfterClosing", StringComparison.Ordinal));
    }
}

public sealed class AfterHoursServiceOnSqliteTests() : AfterHoursServiceTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class AfterHoursServiceOnPostgresTests(PostgresServer postgres) : AfterHoursServiceTests(HallDatabase.Postgres(postgres));
