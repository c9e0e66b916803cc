using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hall.QueueService.Tests.Abuse;

/// <summary>
/// What the limits refused is visible: the hub's connection bound closes the connection past it, and refusals and
/// the work queues show on <c>/metrics</c> and on <c>GET /api/supervision/limits</c> (real server, real SignalR client).
/// </summary>
public sealed class LimitCountersTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Refusals_and_work_queue_bounds_show_on_metrics_and_to_supervisors()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("limits"), "--WorkQueues:HubConnections=2", "--WorkQueues:BusCommands=50"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var admin = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:hall-admin-2026"u8.ToArray()));

        // Two hub connections fit; the third is closed as soon as it opens.
        var first = await ConnectAsync(server.BaseUrl);
        var second = await ConnectAsync(server.BaseUrl);
        var third = Hub(server.BaseUrl);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        third.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        try
        {
            await third.StartAsync();
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            closed.TrySetResult();
        }
        await closed.Task.WaitAsync(Timeout);

        // A place comes back when a connection ends.
        await first.DisposeAsync();
        await UntilAsync(async () => Queue(await LimitsAsync(admin), "hubConnections").GetProperty("depth").GetInt32() == 1);
        await using var fourth = await ConnectAsync(server.BaseUrl);
        Assert.Equal(JsonValueKind.Object, (await fourth.InvokeAsync<JsonElement>("GetSnapshot")).ValueKind);

        // The eleventh remote ticket from this address is refused by the rate limiter.
        for (var i = 0; i < 11; i++)
        {
            await http.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 1, idNumber = IdNumberMaker.Make(i) });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/supervision/limits")).StatusCode);
        var limits = await LimitsAsync(admin);
        Assert.Equal(1, limits.GetProperty("refused").GetProperty("rateLimit:remote-tickets").GetInt64());
        Assert.Equal(1, limits.GetProperty("refused").GetProperty("queue:hubConnections").GetInt64());
        var hub = Queue(limits, "hubConnections");
        Assert.Equal(2, hub.GetProperty("capacity").GetInt32());
        Assert.Equal(2, hub.GetProperty("depth").GetInt32());
        Assert.Equal(1, hub.GetProperty("dropped").GetInt64());
        Assert.Equal(50, Queue(limits, "busCommands").GetProperty("capacity").GetInt32());
        Assert.Equal(1000, Queue(limits, "busIncoming").GetProperty("capacity").GetInt32());

        var metrics = await http.GetStringAsync("/metrics");
        Assert.Equal("1", Sample(metrics, "hall_limits_refused_total", "limit=\"rateLimit:remote-tickets\""));
        Assert.Equal("1", Sample(metrics, "hall_limits_refused_total", "limit=\"queue:hubConnections\""));
        Assert.Equal("2", Sample(metrics, "hall_work_queue_capacity", "queue=\"hubConnections\""));
        Assert.Equal("2", Sample(metrics, "hall_work_queue_depth", "queue=\"hubConnections\""));

        await second.DisposeAsync();
        await third.DisposeAsync();
    }

    /// <summary>The value of the one Prometheus sample of <paramref name="name"/> carrying <paramref name="label"/>.</summary>
    private static string Sample(string metrics, string name, string label) =>
        metrics.Split('\n').Single(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal)).Split(' ')[1];

    private static HubConnection Hub(string baseUrl) => new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/hall").Build();

    private static async Task<HubConnection> ConnectAsync(string baseUrl)
    {
        var connection = Hub(baseUrl);
        await connection.StartAsync();
        // Connected past OnConnectedAsync: an invocation is answered.
        await connection.InvokeAsync<JsonElement>("GetSnapshot");
        return connection;
    }

    private static async Task<JsonElement> LimitsAsync(HttpClient admin) => await admin.GetFromJsonAsync<JsonElement>("/api/supervision/limits");

    private static JsonElement Queue(JsonElement limits, string name) =>
        limits.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("name").GetString() == name);

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (!await condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
