using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Hubs;

/// <summary>
/// Who receives what on the hub (the contract): the official JS client in Chromium against the real server. Anonymous
/// connections get no alerts and no ticket ids; a supervisor's token as <c>access_token</c> gets both. A device's
/// live connection closes when its key is revoked.
/// </summary>
public sealed class HubPrivacyTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Alerts_and_ticket_ids_reach_only_the_connection_that_presented_a_supervisor_token()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("hub-privacy"), "--Supervision:CheckIntervalSeconds=1"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var login = await (await http.PostAsJsonAsync("/api/supervision/login", new { staffCode = "9001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<JsonElement>();
        var token = login.GetProperty("token").GetString()!;

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/health");
        await page.AddScriptTagAsync(new() { Url = "/_content/Hall.Contracts/lib/signalr/signalr.min.js" });
        await page.EvaluateAsync(
            """
            async token => {
              window.seen = { anonymous: [], supervisor: [] };
              for (const [name, options] of [['anonymous', {}], ['supervisor', { accessTokenFactory: () => token }]]) {
                const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall', options).build();
                for (const method of ['AlertRaised', 'TicketIssued', 'TicketCalled']) {
                  connection.on(method, m => window.seen[name].push({ method, m }));
                }
                await connection.start();
              }
            }
            """, token);

        var report = await http.PostAsJsonAsync("/api/devices/status", new DeviceStatusReport("kiosk-1", "kiosk", DeviceStatus.PaperOut, null));
        Assert.True(report.IsSuccessStatusCode, await report.Content.ReadAsStringAsync());
        await page.WaitForFunctionAsync("() => window.seen.supervisor.some(e => e.method === 'AlertRaised')", null, new() { Timeout = 15_000 });
        // Sent after the alert: once the anonymous connection has it, the alert would have come before it.
        var issued = await (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        await page.WaitForFunctionAsync("() => window.seen.anonymous.some(e => e.method === 'TicketIssued') && window.seen.supervisor.some(e => e.method === 'TicketIssued')",
            null, new() { Timeout = 10_000 });

        var anonymous = await page.EvaluateAsync<JsonElement>("() => window.seen.anonymous");
        var supervisor = await page.EvaluateAsync<JsonElement>("() => window.seen.supervisor");
        Assert.DoesNotContain(anonymous.EnumerateArray(), e => e.GetProperty("method").GetString() == "AlertRaised");
        string IssuedId(JsonElement seen) => seen.EnumerateArray().First(e => e.GetProperty("method").GetString() == "TicketIssued")
            .GetProperty("m").GetProperty("ticketId").GetString()!;
        Assert.Equal(Guid.Empty.ToString(), IssuedId(anonymous));
        Assert.Equal(issued!.Id.ToString(), IssuedId(supervisor));
        Assert.DoesNotContain(issued.Id.ToString(), anonymous.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_device_key_closes_the_devices_live_hub_connection()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("hub-revoke")]);
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/health");
        await page.AddScriptTagAsync(new() { Url = "/_content/Hall.Contracts/lib/signalr/signalr.min.js" });
        await page.EvaluateAsync(
            """
            async key => {
              window.ended = { board: false, other: false };
              for (const [name, options] of [['board', { accessTokenFactory: () => key, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true }], ['other', {}]]) {
                const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall', options).build();
                connection.onclose(() => { window.ended[name] = true; });
                await connection.start();
              }
            }
            """, SecuredHall.BoardKey);

        var admin = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/devices/board-1/key")).StatusCode);

        try
        {
            await page.WaitForFunctionAsync("() => window.ended.board", null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail("The board's connection stayed open:\n" + server.Output);
        }
        Assert.False(await page.EvaluateAsync<bool>("() => window.ended.other"));
        // And the key no longer connects.
        var again = await page.EvaluateAsync<string>(
            """
            async key => {
              const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall', { accessTokenFactory: () => key, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true }).build();
              try { await connection.start(); return 'connected'; } catch (e) { return 'refused'; }
            }
            """, SecuredHall.BoardKey);
        Assert.Equal("refused", again);
    }
}
