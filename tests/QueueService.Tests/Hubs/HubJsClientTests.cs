using System.Net.Http.Json;
using System.Text.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Hubs;

/// <summary>The official @microsoft/signalr client, in real headless Chromium, against the real server.</summary>
public sealed class HubJsClientTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_official_JS_client_receives_TicketCalled_with_number_window_and_announcement()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("hubjs")]);
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/health");
        await page.AddScriptTagAsync(new() { Url = "/_content/Hall.Contracts/lib/signalr/signalr.min.js" });
        await page.EvaluateAsync(
            """
            async () => {
              window.calls = [];
              window.snapshot = null;
              const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall').build();
              connection.on('TicketCalled', m => window.calls.push(m));
              await connection.start();
              window.snapshot = await connection.invoke('GetSnapshot');
            }
            """);
        var snapshot = await page.EvaluateAsync<JsonElement>("() => window.snapshot");
        Assert.Equal("示范县政务服务中心", snapshot.GetProperty("hallName").GetString());
        Assert.True(snapshot.GetProperty("windows").GetArrayLength() >= 6);

        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        var login = await (await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        await http.PostAsync("/api/windows/1/call-next", null);
        await http.PostAsync("/api/windows/1/recall", null);

        await page.WaitForFunctionAsync("() => window.calls.length >= 2", null, new() { Timeout = 10_000 });
        var call = await page.EvaluateAsync<JsonElement>("() => window.calls[0]");
        Assert.Equal("A001", call.GetProperty("number").GetString());
        Assert.Equal(1, call.GetProperty("windowNumber").GetInt32());
        Assert.Equal("请A001号到1号窗口办理", call.GetProperty("announcement").GetString());
        Assert.Equal("企业开办", call.GetProperty("serviceName").GetString());
        Assert.False(call.GetProperty("isRecall").GetBoolean());
        Assert.True((await page.EvaluateAsync<JsonElement>("() => window.calls[1]")).GetProperty("isRecall").GetBoolean());
    }

    [Fact]
    public async Task A_board_view_client_gets_calls_and_windows_but_not_every_issued_or_changed_ticket()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("hubjs-board")]);
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/health");
        await page.AddScriptTagAsync(new() { Url = "/_content/Hall.Contracts/lib/signalr/signalr.min.js" });
        await page.EvaluateAsync(
            """
            async () => {
              window.seen = { board: [], full: [] };
              for (const [name, url] of [['board', '/hubs/hall?view=board'], ['full', '/hubs/hall']]) {
                const connection = new signalR.HubConnectionBuilder().withUrl(url).build();
                for (const method of ['TicketCalled', 'TicketIssued', 'TicketChanged', 'WindowChanged']) {
                  connection.on(method, () => window.seen[name].push(method));
                }
                await connection.start();
              }
            }
            """);

        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        var login = await (await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        await http.PostAsync("/api/windows/1/call-next", null);

        await page.WaitForFunctionAsync("() => window.seen.board.includes('TicketCalled') && window.seen.full.includes('TicketCalled')", null, new() { Timeout = 10_000 });
        var board = await page.EvaluateAsync<string[]>("() => window.seen.board");
        var full = await page.EvaluateAsync<string[]>("() => window.seen.full");
        Assert.Contains("WindowChanged", board);
        Assert.DoesNotContain("TicketIssued", board);
        Assert.DoesNotContain("TicketChanged", board);
        Assert.Contains("TicketIssued", full);
        Assert.Contains("TicketChanged", full);
    }
}
