using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.Contracts.Hub;
using Hall.Hardware.HallBus;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Hall.TestSupport.Serial;
using Microsoft.AspNetCore.SignalR.Client;

using static Hall.QueueService.Tests.HallBus.BusFrameText;

namespace Hall.QueueService.Tests.HallBus;

/// <summary>
/// 求助 from both ends a clerk has: the console's help button and the caller's key 0A (hall-bus 1.1) written byte for
/// byte on a pseudo-terminal. The server's alert monitor is set to look only once an hour, so an alert that reaches the
/// supervisor's hub connection was raised by the help call itself, at once, not found by a later check.
/// </summary>
public sealed class HelpKeyOverBusTests : IAsyncLifetime
{
    private BusRig _bus = null!;
    private HostProcess _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _bus = await BusRig.StartAsync();
        _bus.Devices.AddCaller(2);
        _bus.Devices.AddCaller(3);
        _server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
        [
            "--Queue:DataDirectory=" + TestPaths.NewTempDirectory("help-bus"),
            "--Bus:PortName=" + _bus.HostPortPath,
            "--Supervision:CheckIntervalSeconds=3600",
        ]);
        _http = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        await _bus.WaitForFrameAsync(f => f.Address == 2 && f.Function == HallBusFunction.Show, TestTimeouts.Process);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await _bus.DisposeAsync();
    }

    [Fact]
    public async Task The_console_help_button_and_the_caller_help_key_reach_a_supervisors_hub_connection_at_once()
    {
        var supervisorLogin = await (await _http.PostAsJsonAsync("/api/supervision/login", new { staffCode = "9001", pin = DemoCredentials.Pin }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var token = supervisorLogin.GetProperty("token").GetString()!;
        var raised = new ConcurrentQueue<AlertView>();
        await using var supervisor = new HubConnectionBuilder()
            .WithUrl(_server.BaseUrl + HallHub.Path, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        supervisor.On<AlertView>(nameof(IHallClient.AlertRaised), raised.Enqueue);
        await supervisor.StartAsync();

        // The clerk at window 2 logs in and presses the console's help button.
        var login = await (await _http.PostAsJsonAsync("/api/windows/2/login", new { staffCode = "1002", pin = DemoCredentials.Pin }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var clerk = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        clerk.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("token").GetString());
        (await clerk.PostAsync("/api/windows/2/help", null)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => raised.Count(a => a.Kind == "helpCall") == 1, TestTimeouts.Local, explain: () => _server.Output);
        Assert.Equal(2, raised.Single(a => a.Kind == "helpCall").WindowNumber);

        // Then the 求助 key on window 3's caller (presses at one window within a minute are one call): KEY frame,
        // address 3, sequence 5, key 0A, acknowledged and alerted.
        (await _http.PostAsJsonAsync("/api/windows/3/login", new { staffCode = "1003", pin = DemoCredentials.Pin })).EnsureSuccessStatusCode();
        var keyFrame = Encode(HallBusFrames.Key(3, 5, HallBusKey.Help));
        Assert.Equal("680404680310050A2216", Convert.ToHexString(keyFrame));
        await _bus.WriteAsync(keyFrame);
        await _bus.WaitForFrameAsync(f => Encoded(f) == "68 03 03 68 03 90 05 98 16", TestTimeouts.Local);
        await Eventually.TrueAsync(() => raised.Count(a => a.Kind == "helpCall") == 2, TestTimeouts.Local, explain: () => _server.Output);
        var fromKey = raised.Last(a => a.Kind == "helpCall");
        Assert.Equal(3, fromKey.WindowNumber);
        Assert.Contains("呼叫器", fromKey.Message, StringComparison.Ordinal);
    }
}
