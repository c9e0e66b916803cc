using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Hubs;

/// <summary>A display computer connecting to the hub with its device key is online for supervision while connected; a revoked key cannot connect.</summary>
public sealed class BoardPresenceTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_board_connected_with_its_key_is_online_and_offline_once_it_leaves()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("presence")]);
        using var admin = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/health");
        await page.AddScriptTagAsync(new() { Url = "/_content/Hall.Contracts/lib/signalr/signalr.min.js" });
        await page.EvaluateAsync(
            $$"""
            async () => {
              window.board = new signalR.HubConnectionBuilder()
                .withUrl('/hubs/hall', { accessTokenFactory: () => '{{DemoCredentials.BoardKey}}', transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
                .build();
              await window.board.start();
            }
            """);
        await Eventually.TrueAsync(async () => await BoardStatusAsync(admin) == "online");

        await page.EvaluateAsync("() => window.board.stop()");
        await Eventually.TrueAsync(async () => await BoardStatusAsync(admin) == "offline");

        // A revoked key cannot open the hub at all.
        (await admin.DeleteAsync("/api/admin/devices/board-1/key")).EnsureSuccessStatusCode();
        var refused = await page.EvaluateAsync<string>(
            $$"""
            async () => {
              const connection = new signalR.HubConnectionBuilder()
                .withUrl('/hubs/hall', { accessTokenFactory: () => '{{DemoCredentials.BoardKey}}', transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
                .build();
              try { await connection.start(); return 'connected'; } catch (e) { return 'refused'; }
            }
            """);
        Assert.Equal("refused", refused);
    }

    private static async Task<string?> BoardStatusAsync(HttpClient admin)
    {
        var devices = await admin.GetFromJsonAsync<JsonElement>("/api/devices");
        return devices.EnumerateArray().Where(d => d.GetProperty("deviceId").GetString() == "board-1")
            .Select(d => d.GetProperty("status").GetString()).FirstOrDefault();
    }
}
