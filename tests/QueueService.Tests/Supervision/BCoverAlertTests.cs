using System.Net.Http.Json;
using Hall.Contracts.Hub;
using Hall.QueueService.Supervision;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>
/// AB岗 limits in working days of the hall calendar: a run of B-post cover across a holiday, and the year's count.
/// The limits are lowered to 3 in a row and 5 a year so a week shows both. Clerk 1002 is window 1's B post.
/// </summary>
public abstract class BCoverAlertTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(new() { ["Supervision:BCoverRunDays"] = "3", ["Supervision:BCoverYearDays"] = "5", ["Supervision:BCoverCheckMinutes"] = "0" }, hallDatabase);

    public void Dispose() => _hall.Dispose();

    private async Task<List<AlertView>> BCoverAlertsAsync() =>
        (await _hall.CreateAdminClient().GetFromJsonAsync<List<AlertView>>("/api/alerts", Json.Options))!.Where(a => a.Kind == AlertKinds.BCoverLimit).ToList();

    private async Task CoverAsync()
    {
        using var clerk = await _hall.LoginAsync(1, "1002");
        await _hall.Services.GetRequiredService<AlertMonitor>().CheckAsync();
    }

    [Fact]
    public async Task A_run_across_a_holiday_and_the_years_count_each_raise_one_alert()
    {
        await (await _hall.CreateAdminClient().PutAsJsonAsync("/api/admin/calendar/2026",
            new[] { new { date = "2026-11-24", kind = "holiday", name = "测试假日" } })).EnsureOkAsync();

        await CoverAsync();                                // Monday 23
        _hall.Clock.Jump(TimeSpan.FromDays(2));
        await CoverAsync();                                // Wednesday 25 (Tuesday is the holiday)
        Assert.Empty(await BCoverAlertsAsync());
        _hall.Clock.Jump(TimeSpan.FromDays(1));
        await CoverAsync();                                // Thursday 26: three working days in a row
        var run = Assert.Single(await BCoverAlertsAsync());
        Assert.Contains("连续顶 B 岗 3 个工作日", run.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11-23", run.Message, StringComparison.Ordinal);

        _hall.Clock.Jump(TimeSpan.FromDays(4));
        await CoverAsync();                                // Monday 30, after a Friday without cover
        _hall.Clock.Jump(TimeSpan.FromDays(1));
        await CoverAsync();                                // Tuesday 1 December: five in the year, a new run of two
        var alerts = await BCoverAlertsAsync();
        Assert.Equal(2, alerts.Count);
        Assert.Contains(alerts, a => a.Message.Contains("今年已顶 B 岗 5 个工作日", StringComparison.Ordinal));
    }
}

public sealed class BCoverAlertOnSqliteTests() : BCoverAlertTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class BCoverAlertOnPostgresTests(PostgresServer postgres) : BCoverAlertTests(HallDatabase.Postgres(postgres));
