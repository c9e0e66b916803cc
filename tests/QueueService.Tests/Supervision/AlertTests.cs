using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Hub;
using Hall.QueueService.Supervision;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>Alerts raised by the monitor on a driven hall with a manual clock, listed until acknowledged.</summary>
public abstract class AlertTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(new() { ["Supervision:EmptyPostMinutes"] = "10" }, hallDatabase);

    public void Dispose() => _hall.Dispose();

    private Task<int> CheckAsync() => _hall.Services.GetRequiredService<AlertMonitor>().CheckAsync();

    private async Task<List<AlertView>> OpenAlertsAsync(string kind) =>
        (await _hall.CreateAdminClient().GetFromJsonAsync<List<AlertView>>("/api/alerts", Json.Options))!.Where(a => a.Kind == kind).ToList();

    [Fact]
    public async Task A_long_wait_is_raised_once_and_stays_until_acknowledged()
    {
        var ticket = await _hall.IssueAsync(1);                 // 企业开办: alert after 30 minutes
        await CheckAsync();
        Assert.Empty(await OpenAlertsAsync(AlertKinds.LongWait));

        _hall.Clock.Advance(TimeSpan.FromMinutes(31));
        await CheckAsync();
        await CheckAsync();
        var alert = Assert.Single(await OpenAlertsAsync(AlertKinds.LongWait));
        Assert.Equal(ticket.Id.ToString("D"), alert.TicketId);
        Assert.Contains("A001", alert.Message);

        var response = await _hall.CreateAdminClient().PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { by = "值班长" });
        response.EnsureSuccessStatusCode();
        Assert.Empty(await OpenAlertsAsync(AlertKinds.LongWait));
        await CheckAsync();
        Assert.Empty(await OpenAlertsAsync(AlertKinds.LongWait));
        Assert.Equal(HttpStatusCode.Conflict, (await _hall.CreateAdminClient().PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _hall.CreateAdminClient().PostAsJsonAsync("/api/alerts/99999/acknowledge", new { })).StatusCode);
        var all = await _hall.CreateAdminClient().GetFromJsonAsync<List<AlertView>>("/api/alerts?all=true", Json.Options);
        Assert.Contains(all!, a => a.Id == alert.Id && a.AcknowledgedBy == "值班长");
    }

    [Fact]
    public async Task A_kiosk_issuing_unusually_many_elderly_numbers_in_an_hour_raises_one_alert()
    {
        var kiosk = _hall.CreateClient();
        kiosk.DefaultRequestHeaders.Add("X-Device-Key", "kiosk-1.demo-kiosk-1-key");
        async Task ElderlyAsync(HttpClient client)
        {
            var taken = await client.PostAsJsonAsync("/api/tickets", new { serviceId = 2, priority = "elderly" });
            Assert.True(taken.StatusCode == HttpStatusCode.Created, await taken.Content.ReadAsStringAsync());
        }
        // 19 from one kiosk (the demo hall's security.elderlyAlertPerKioskHour is 20), more from the other kiosk.
        for (var i = 0; i < 19; i++)
        {
            await ElderlyAsync(kiosk);
        }
        var other = _hall.CreateClient();
        other.DefaultRequestHeaders.Add("X-Device-Key", "kiosk-2.demo-kiosk-2-key");
        await ElderlyAsync(other);
        await CheckAsync();
        Assert.Empty(await OpenAlertsAsync(AlertKinds.ElderlyRate));

        await ElderlyAsync(kiosk);
        await CheckAsync();
        await CheckAsync();

        var alert = Assert.Single(await OpenAlertsAsync(AlertKinds.ElderlyRate));
        Assert.Contains("一楼大厅取号机1", alert.Message, StringComparison.Ordinal);
        Assert.Contains("20", alert.Message, StringComparison.Ordinal);

        // An hour later the kiosk's count starts again.
        _hall.Clock.Advance(TimeSpan.FromMinutes(61));
        await CheckAsync();
        Assert.Single(await OpenAlertsAsync(AlertKinds.ElderlyRate));
    }

    [Fact]
    public async Task Empty_windows_over_promised_services_bad_ratings_recall_limits_and_devices_raise_alerts()
    {
        await _hall.IssueAsync(8);                              // 咨询导办: promised 10 minutes
        await _hall.IssueAsync(1);
        var guide = await _hall.LoginAsync(8, "1008");
        var wang = await _hall.LoginAsync(1, "1001");
        await guide.ActAsync(8, "call-next");
        await guide.ActAsync(8, "start");
        await wang.ActAsync(1, "call-next");
        for (var i = 0; i < 3; i++)
        {
            await wang.ActAsync(1, "recall");
        }
        await _hall.CreateClient().PostAsJsonAsync("/api/devices/status", new { deviceId = "kiosk-1/printer", kind = "printer", status = "paperOut" });

        _hall.Clock.Advance(TimeSpan.FromMinutes(11));
        await CheckAsync();
        Assert.Contains(await OpenAlertsAsync(AlertKinds.OverPromised), a => a.WindowNumber == 8);
        Assert.Contains(await OpenAlertsAsync(AlertKinds.RecallLimit), a => a.WindowNumber == 1);
        Assert.Contains(await OpenAlertsAsync(AlertKinds.Device), a => a.Message.Contains("kiosk-1/printer") && a.Message.Contains("缺纸"));
        var empty = await OpenAlertsAsync(AlertKinds.EmptyPost);
        Assert.Contains(empty, a => a.WindowNumber == 3);
        Assert.DoesNotContain(empty, a => a.WindowNumber is 1 or 8);

        await guide.ActAsync(8, "finish");
        (await _hall.CreateClient().PostAsJsonAsync("/api/windows/8/rate", new { level = 1 })).EnsureSuccessStatusCode();
        await CheckAsync();
        var bad = Assert.Single(await OpenAlertsAsync(AlertKinds.BadRating));
        Assert.Contains("回访", bad.Message);
        Assert.Contains("周婷", bad.Message);
    }
}

public sealed class AlertOnSqliteTests() : AlertTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class AlertOnPostgresTests(PostgresServer postgres) : AlertTests(HallDatabase.Postgres(postgres));
