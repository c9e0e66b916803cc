using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Postgres;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Admin;

/// <summary>
/// Two real QueueService processes on one real PostgreSQL: an administrator's change on one reaches the other, which
/// reloads the hall from the database and tells its hub clients with <c>HallChanged</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HallChangeAcrossInstancesTests(PostgresServer postgres, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_service_added_on_one_instance_is_issued_on_the_other_whose_hub_clients_hear_HallChanged()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await StartAsync(database);
        await using var second = await StartAsync(database);
        await PostgresListeners.WaitForAsync(database, 2);

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(second.BaseUrl + "/health");
        await page.AddScriptTagAsync(new() { Url = "/_content/Hall.Contracts/lib/signalr/signalr.min.js" });
        await page.EvaluateAsync(
            """
            async () => {
              window.hallChanges = [];
              window.windowNames = {};
              const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall').build();
              connection.on('HallChanged', m => window.hallChanges.push(m));
              connection.on('WindowChanged', m => { window.windowNames[m.window.number] = m.window.name; });
              await connection.start();
            }
            """);

        using var admin = AdminClients.WithAdmin(new HttpClient { BaseAddress = new Uri(first.BaseUrl) });
        var created = await admin.PostAsync("/api/admin/services", AdminClients.JsonBody(
            """
            { "code": "K-1", "name": "养老认证", "category": "民生保障", "prefix": "K", "dailyQuota": 500,
              "ticketingHours": [{ "from": "00:00", "to": "24:00" }] }
            """));
        await created.EnsureOkAsync();
        await page.WaitForFunctionAsync("() => window.hallChanges.length >= 1", null, new() { Timeout = 15_000 });

        using var kiosk = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
        var services = await kiosk.GetFromJsonAsync<List<ServiceInfo>>("/api/services", Json.Options);
        Assert.Contains(services!, s => s.Prefix == "K" && s.Name == "养老认证");
        var issued = await kiosk.PostAsJsonAsync("/api/tickets", new { serviceId = 9 });
        await issued.EnsureOkAsync();
        Assert.Equal("K001", (await issued.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!.Number);

        var window = JsonNode.Parse(await admin.GetStringAsync("/api/admin/windows/2"))!;
        window["name"] = "2号窗口 企业开办专区";
        window["serviceIds"] = new JsonArray(1, 9);
        await (await admin.PutAsync("/api/admin/windows/2", AdminClients.JsonBody(window))).EnsureOkAsync();
        await page.WaitForFunctionAsync("() => window.hallChanges.length >= 2 && window.windowNames[2] === '2号窗口 企业开办专区'", null, new() { Timeout = 15_000 });
        var windows = await kiosk.GetFromJsonAsync<List<WindowInfo>>("/api/windows", Json.Options);
        Assert.Equal("2号窗口 企业开办专区", windows!.Single(w => w.Number == 2).Name);
        Assert.Equal([1, 9], windows!.Single(w => w.Number == 2).ServiceIds);
    }

    private static Task<HostProcess> StartAsync(string connectionString) =>
        HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:Database=postgres", "--ConnectionStrings:Queue=" + connectionString]);
}
