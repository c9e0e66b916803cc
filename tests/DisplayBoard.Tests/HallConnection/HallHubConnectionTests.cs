using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.DisplayBoard.HallConnection;
using Hall.DisplayBoard.Tests.Support;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Hall.DisplayBoard.Tests.HallConnection;

/// <summary>The SignalR client's HubConnection, against a typed hub on real Kestrel.</summary>
public sealed class HallHubConnectionTests
{
    private static readonly TimeSpan Timeout = TestTimeouts.Process;

    [Fact]
    public async Task Presents_the_display_computer_s_device_key_when_connecting()
    {
        await using var server = new TestHallServer(FreePort.Next(), DemoHall.Snapshot());
        await server.StartAsync();
        await using var connection = HallHubConnection.Create(server.Url, deviceKey: DemoCredentials.BoardKey);
        await connection.StartAsync();
        Assert.Equal([DemoCredentials.BoardKey], server.PresentedDeviceKeys);
    }

    [Fact]
    public async Task Loads_the_snapshot_and_receives_a_call()
    {
        await using var server = new TestHallServer(FreePort.Next(), DemoHall.Snapshot());
        await server.StartAsync();
        await using var connection = HallHubConnection.Create(server.Url);
        var called = new TaskCompletionSource<TicketCalled>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<TicketCalled>(nameof(IHallClient.TicketCalled), call => called.TrySetResult(call));

        await connection.StartAsync();
        var snapshot = await connection.InvokeAsync<HallSnapshot>(HallHub.GetSnapshot);
        await server.CallAsync("A001", 1);
        var call = await called.Task.WaitAsync(Timeout);

        Assert.Equal("示范区政务服务中心", snapshot.HallName);
        Assert.Equal(6, snapshot.Windows.Count);
        Assert.Equal(201, snapshot.Windows[0].Devices.LedAddress);
        Assert.Equal(WindowState.Paused, snapshot.Windows[4].State);
        Assert.Equal("A001", call.Number);
        Assert.Equal("请A001号到1号窗口办理", call.Announcement);
    }

    [Fact]
    public async Task A_hall_change_makes_the_service_load_the_snapshot_again()
    {
        await using var server = new TestHallServer(FreePort.Next(), DemoHall.Snapshot());
        await server.StartAsync();
        var observer = new RecordingObserver();
        var state = new HallState(TimeProvider.System);
        using var service = new HallConnectionService(
            state, [observer],
            Options.Create(new HallServerOptions { ServerUrl = server.Url.ToString(), ReconnectMaxDelaySeconds = 1 }),
            NullLoggerFactory.Instance, TimeProvider.System, NullLogger<HallConnectionService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await observer.WaitForAsync<ConnectionEvent>(e => e.Connected, Timeout);
            var mark = observer.Count;
            var renamed = server.Snapshot with
            {
                HallName = "示范区政务服务中心（新址）",
                Windows = [.. server.Snapshot.Windows.Select(w => w.Number == 2 ? w with { Name = "2号窗口 企业开办" } : w)],
            };
            await server.SendHallChangedAsync(renamed);

            var snapshot = await observer.WaitForAsync<HallSnapshot>(_ => true, Timeout, after: mark);
            Assert.Equal("示范区政务服务中心（新址）", snapshot.HallName);
            Assert.Equal("2号窗口 企业开办", state.FindWindow(2)!.Name);
            Assert.Equal(2, server.SnapshotRequests);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Closing_the_server_closes_the_connection()
    {
        await using var server = new TestHallServer(FreePort.Next(), DemoHall.Snapshot());
        await server.StartAsync();
        await using var connection = HallHubConnection.Create(server.Url);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();

        await server.StopAsync();

        await closed.Task.WaitAsync(Timeout);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task Service_reconnects_after_the_server_stops_and_starts_again_on_the_same_port()
    {
        var port = FreePort.Next();
        await using var server = new TestHallServer(port, DemoHall.Snapshot());
        await server.StartAsync();
        var observer = new RecordingObserver();
        var state = new HallState(TimeProvider.System);
        using var service = new HallConnectionService(
            state, [observer],
            Options.Create(new HallServerOptions { ServerUrl = server.Url.ToString(), ReconnectMaxDelaySeconds = 1 }),
            NullLoggerFactory.Instance, TimeProvider.System, NullLogger<HallConnectionService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await observer.WaitForAsync<ConnectionEvent>(e => e.Connected, Timeout);
            await server.CallAsync("A001", 1);
            await observer.WaitForAsync<TicketCalled>(c => c.Number == "A001", Timeout);

            await server.StopAsync();
            await observer.WaitForAsync<ConnectionEvent>(e => !e.Connected, Timeout);
            Assert.False(state.IsConnected);
            // The last known hall stays, so outputs keep showing it.
            Assert.Equal("A001", state.Current!.RecentCalls[0].Number);

            var mark = observer.Count;
            server.Snapshot = server.Snapshot with { Notice = "重启之后" };
            await server.StartAsync();
            var snapshot = await observer.WaitForAsync<HallSnapshot>(_ => true, Timeout, after: mark);
            await observer.WaitForAsync<ConnectionEvent>(e => e.Connected, Timeout, after: mark);
            Assert.Equal("重启之后", snapshot.Notice);
            Assert.Equal("重启之后", state.Current!.Notice);

            await server.CallAsync("A002", 1);
            await observer.WaitForAsync<TicketCalled>(c => c.Number == "A002", Timeout);
            Assert.Equal(["A002", "A001"], state.Current!.RecentCalls.Select(c => c.Number));
            Assert.Equal(WindowState.Calling, state.FindWindow(1)!.State);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Service_keeps_trying_while_no_server_is_there_yet()
    {
        var port = FreePort.Next();
        var observer = new RecordingObserver();
        var state = new HallState(TimeProvider.System);
        using var service = new HallConnectionService(
            state, [observer],
            Options.Create(new HallServerOptions { ServerUrl = $"http://127.0.0.1:{port}", ReconnectMaxDelaySeconds = 1 }),
            NullLoggerFactory.Instance, TimeProvider.System, NullLogger<HallConnectionService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await using var server = new TestHallServer(port, DemoHall.Snapshot());
            await server.StartAsync();
            await observer.WaitForAsync<ConnectionEvent>(e => e.Connected, Timeout);
            Assert.True(state.HasSnapshot);
            Assert.Equal(1, server.SnapshotRequests);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 10)]
    [InlineData(100, 10)]
    public void Reconnect_waits_grow_to_the_limit(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), HallConnectionService.ReconnectDelay(failures, TimeSpan.FromSeconds(10)));

    [Theory]
    [InlineData("http://hall:5000", "http://hall:5000/hubs/hall")]
    [InlineData("http://hall:5000/", "http://hall:5000/hubs/hall")]
    [InlineData("https://gov.example/hall/", "https://gov.example/hall/hubs/hall")]
    public void Hub_address_is_under_the_server_address(string server, string hub) =>
        Assert.Equal(new Uri(hub), HallHubConnection.HubUri(new Uri(server)));
}
