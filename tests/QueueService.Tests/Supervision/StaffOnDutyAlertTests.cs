using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Hub;
using Hall.Hardware.HallBus;
using Hall.QueueService.HallBus;
using Hall.QueueService.Supervision;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>
/// Staff on duty, as the contract states it: a window paused past <c>Supervision:LongPauseMinutes</c> in opening hours
/// raises 离岗 (<c>longPause</c>) with the clerk's reason; the console's help button and the caller's help key raise
/// <c>helpCall</c> at once. The clock starts on Monday 23 November 2026, 09:00, in opening hours.
/// </summary>
public abstract class StaffOnDutyAlertTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(new() { ["Supervision:LongPauseMinutes"] = "15" }, hallDatabase);

    public void Dispose() => _hall.Dispose();

    private Task<int> CheckAsync() => _hall.Services.GetRequiredService<AlertMonitor>().CheckAsync();

    private async Task<List<AlertView>> OpenAlertsAsync(string kind) =>
        (await _hall.CreateAdminClient().GetFromJsonAsync<List<AlertView>>("/api/alerts", Json.Options))!.Where(a => a.Kind == kind).ToList();

    [Fact]
    public async Task A_pause_past_the_limit_raises_one_long_pause_alert_with_its_reason()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        (await clerk.PostAsJsonAsync("/api/windows/1/pause", new { reason = "去档案室调档" })).EnsureSuccessStatusCode();

        _hall.Clock.Advance(TimeSpan.FromMinutes(14));
        await CheckAsync();
        Assert.Empty(await OpenAlertsAsync(AlertKinds.LongPause));

        _hall.Clock.Advance(TimeSpan.FromMinutes(2));
        await CheckAsync();
        await CheckAsync();
        var alert = Assert.Single(await OpenAlertsAsync(AlertKinds.LongPause));
        Assert.Equal(1, alert.WindowNumber);
        Assert.Contains("离岗", alert.Message, StringComparison.Ordinal);
        Assert.Contains("去档案室调档", alert.Message, StringComparison.Ordinal);

        // Back at the window and paused again: a new pause is a new alert only once it is long again.
        (await clerk.PostAsync("/api/windows/1/resume", null)).EnsureSuccessStatusCode();
        (await clerk.PostAsJsonAsync("/api/windows/1/pause", new { reason = "其他" })).EnsureSuccessStatusCode();
        await CheckAsync();
        Assert.Single(await OpenAlertsAsync(AlertKinds.LongPause));
        _hall.Clock.Advance(TimeSpan.FromMinutes(16));
        await CheckAsync();
        Assert.Equal(2, (await OpenAlertsAsync(AlertKinds.LongPause)).Count);
    }

    [Fact]
    public async Task On_a_holiday_a_long_pause_is_not_alerted()
    {
        await (await _hall.CreateAdminClient().PutAsJsonAsync("/api/admin/calendar/2026",
            new[] { new { date = "2026-11-23", kind = "holiday", name = "测试假日" } })).EnsureOkAsync();
        var clerk = await _hall.LoginAsync(1, "1001");
        (await clerk.PostAsJsonAsync("/api/windows/1/pause", new { reason = "其他" })).EnsureSuccessStatusCode();
        _hall.Clock.Advance(TimeSpan.FromMinutes(30));
        await CheckAsync();

        Assert.Empty(await OpenAlertsAsync(AlertKinds.LongPause));
        Assert.Empty(await OpenAlertsAsync(AlertKinds.EmptyPost));
    }

    [Fact]
    public async Task The_console_help_button_and_the_caller_help_key_call_the_supervisor_at_once()
    {
        var clerk = await _hall.LoginAsync(2, "1002");
        Assert.Equal(HttpStatusCode.Accepted, (await clerk.PostAsync("/api/windows/2/help", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await clerk.PostAsync("/api/windows/2/help", null)).StatusCode);
        var alert = Assert.Single(await OpenAlertsAsync(AlertKinds.HelpCall));
        Assert.Equal(2, alert.WindowNumber);
        Assert.Contains("1002", alert.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync("/api/windows/3/help", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().PostAsync("/api/windows/2/help", null)).StatusCode);

        // The help key (0A, hall bus 1.1) at window 3's caller, with nobody logged in there.
        _hall.Clock.Advance(TimeSpan.FromMinutes(1));
        var keys = _hall.Services.GetRequiredService<CallerKeyHandler>();
        Assert.True(await keys.HandleAsync(3, new KeyPress(3, 7, HallBusKey.Help, null, _hall.Clock.GetUtcNow()), CancellationToken.None));
        Assert.Contains(await OpenAlertsAsync(AlertKinds.HelpCall), a => a.WindowNumber == 3 && a.Message.Contains("呼叫器 3", StringComparison.Ordinal));
    }
}

public sealed class StaffOnDutyAlertOnSqliteTests() : StaffOnDutyAlertTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class StaffOnDutyAlertOnPostgresTests(PostgresServer postgres) : StaffOnDutyAlertTests(HallDatabase.Postgres(postgres));
