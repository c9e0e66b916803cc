using System.Net.Http.Json;
using System.Text.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Postgres;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.ScaleOut;

/// <summary>
/// The acceptance for scale-out: two real QueueService processes on one real PostgreSQL database share numbering,
/// state and hub events.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstancesTests(PostgresServer postgres, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static Task<HostProcess> StartAsync(string connectionString) =>
        HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:Database=postgres", "--ConnectionStrings:Queue=" + connectionString]);

    [Fact]
    public async Task Sixty_tickets_issued_concurrently_across_two_instances_are_A001_to_A060()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await StartAsync(database);
        await using var second = await StartAsync(database);
        using var a = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
        using var b = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };

        var issued = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var response = await (i % 2 == 0 ? a : b).PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!.Number;
        }));

        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"A{i:000}"), issued.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_call_on_one_instance_reaches_a_JS_hub_client_of_the_other_which_sees_the_ticket_called()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await StartAsync(database);
        await using var second = await StartAsync(database);

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(second.BaseUrl + "/health");
        await page.AddScriptTagAsync(new() { Url = "/_content/Hall.Contracts/lib/signalr/signalr.min.js" });
        await page.EvaluateAsync(
            """
            async () => {
              window.calls = [];
              const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall').build();
              connection.on('TicketCalled', m => window.calls.push(m));
              await connection.start();
            }
            """);

        using var a = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
        var issued = await (await a.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        var login = await (await a.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        a.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        var call = await a.PostAsync("/api/windows/1/call-next", null);
        Assert.True(call.IsSuccessStatusCode, await call.Content.ReadAsStringAsync());

        await page.WaitForFunctionAsync("() => window.calls.length >= 1", null, new() { Timeout = 15_000 });
        var message = await page.EvaluateAsync<JsonElement>("() => window.calls[0]");
        Assert.Equal("A001", message.GetProperty("number").GetString());
        Assert.Equal(1, message.GetProperty("windowNumber").GetInt32());
        Assert.Equal("请A001号到1号窗口办理", message.GetProperty("announcement").GetString());

        using var b = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
        var seen = await b.GetFromJsonAsync<TicketView>($"/api/tickets/{issued!.Id}", Json.Options);
        Assert.Equal(TicketStatus.Called, seen!.Status);
        Assert.Equal(1, seen.WindowNumber);
        var window = (await b.GetFromJsonAsync<List<WindowInfo>>("/api/windows", Json.Options))!.Single(w => w.Number == 1);
        Assert.Equal("A001", window.CurrentTicket?.Number);
    }

    [Fact]
    public async Task A_lost_notification_connection_reconnects_resyncs_local_clients_and_carries_calls_again()
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
              window.calls = [];
              window.windowChanges = [];
              const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall').build();
              connection.on('TicketCalled', m => window.calls.push(m));
              connection.on('WindowChanged', m => window.windowChanges.push(m));
              await connection.start();
            }
            """);

        // The database drops both instances' LISTEN connections, as a restart or a network cut would.
        await using (var admin = new Npgsql.NpgsqlConnection(database))
        {
            await admin.OpenAsync();
            await using var kill = new Npgsql.NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()", admin);
            await kill.ExecuteNonQueryAsync();
        }
        // After reconnecting, the second instance sends every window again to its clients (what a snapshot gives).
        await page.WaitForFunctionAsync("() => window.windowChanges.length >= 8", null, new() { Timeout = 20_000 });
        await PostgresListeners.WaitForAsync(database, 2);

        using var a = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
        await a.PostAsJsonAsync("/api/tickets", new { serviceId = 2 });
        var login = await (await a.PostAsJsonAsync("/api/windows/3/login", new { staffCode = "1003", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        a.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        Assert.True((await a.PostAsync("/api/windows/3/call-next", null)).IsSuccessStatusCode);

        await page.WaitForFunctionAsync("() => window.calls.length >= 1", null, new() { Timeout = 15_000 });
        var message = await page.EvaluateAsync<JsonElement>("() => window.calls[0]");
        Assert.Equal("B001", message.GetProperty("number").GetString());
        Assert.Equal(3, message.GetProperty("windowNumber").GetInt32());
    }

    [Fact]
    public async Task Clerks_on_two_instances_calling_at_once_never_get_the_same_ticket()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await StartAsync(database);
        await using var second = await StartAsync(database);
        using var kiosk = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
        for (var i = 0; i < 30; i++)
        {
            Assert.True((await kiosk.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).IsSuccessStatusCode);
        }

        async Task<List<string>> ClerkAsync(string baseUrl, int window, string staffCode)
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var login = await (await http.PostAsJsonAsync($"/api/windows/{window}/login", new { staffCode, pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
            http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
            var called = new List<string>();
            while (true)
            {
                var response = await http.PostAsync($"/api/windows/{window}/call-next", null);
                if (response.StatusCode == System.Net.HttpStatusCode.NoContent)
                {
                    return called;
                }
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                called.Add((await response.Content.ReadFromJsonAsync<WindowActionResult>(Json.Options))!.Ticket!.Number);
                Assert.True((await http.PostAsync($"/api/windows/{window}/no-show", null)).IsSuccessStatusCode);
            }
        }

        var results = await Task.WhenAll(ClerkAsync(first.BaseUrl, 1, "1001"), ClerkAsync(second.BaseUrl, 2, "1002"));
        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"A{i:000}"), all.Order(StringComparer.Ordinal));
    }
}
