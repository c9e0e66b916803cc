using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.QueueService.Tests.Infrastructure;
using Hall.Contracts.Hub;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Hall.TestSupport.Processes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>
/// Alerts travel as hall events: raised or acknowledged on one instance, they reach the supervisors' hub connections
/// of another at once (real processes on one real PostgreSQL, the .NET SignalR client), not at the dashboard's poll.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AlertsAcrossInstancesTests(PostgresServer postgres)
{
    [Fact]
    public async Task An_alert_raised_on_one_instance_and_acknowledged_there_reaches_a_supervisor_connected_to_the_other()
    {
        var database = await postgres.CreateDatabaseAsync();
        // The first instance looks for alerts every second; the second not again within the test, so whatever its
        // supervisor receives was raised by the first.
        await using var first = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:Database=postgres", "--ConnectionStrings:Queue=" + database, "--Supervision:CheckIntervalSeconds=1"]);
        await using var second = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:Database=postgres", "--ConnectionStrings:Queue=" + database, "--Supervision:CheckIntervalSeconds=3600"]);
        await PostgresListeners.WaitForAsync(database, 2);

        using var b = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
        var login = await (await b.PostAsJsonAsync("/api/supervision/login", new { staffCode = "9001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<JsonElement>();
        var token = login.GetProperty("token").GetString()!;
        var raised = new ConcurrentQueue<AlertView>();
        var acknowledged = new ConcurrentQueue<AlertView>();
        await using var supervisor = new HubConnectionBuilder()
            .WithUrl(second.BaseUrl + HallHub.Path, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        supervisor.On<AlertView>(nameof(IHallClient.AlertRaised), raised.Enqueue);
        supervisor.On<AlertView>(nameof(IHallClient.AlertAcknowledged), acknowledged.Enqueue);
        await supervisor.StartAsync();

        using var a = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
        (await a.PostAsJsonAsync("/api/devices/status", new { deviceId = "kiosk-1/printer", kind = "printer", status = "paperOut" })).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(() => raised.Any(r => r.Kind == "device"), explain: () => first.Output);
        var alert = raised.First(r => r.Kind == "device");
        Assert.Contains("kiosk-1/printer", alert.Message, StringComparison.Ordinal);
        Assert.Null(alert.AcknowledgedAt);

        a.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        (await a.PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { by = "值班主任" })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => acknowledged.Any(r => r.Id == alert.Id), explain: () => first.Output);
        Assert.Equal("值班主任", acknowledged.First(r => r.Id == alert.Id).AcknowledgedBy);
    }
}
