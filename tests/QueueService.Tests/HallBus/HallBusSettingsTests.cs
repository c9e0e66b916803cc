using System.Net;
using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.HallBus;

public sealed class HallBusSettingsTests
{
    [Fact]
    public async Task An_unsupported_baud_rate_stops_start_up_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync("QueueService", FreePort.Next(),
                ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("bus-baud"), "--Bus:PortName=/dev/null-bus", "--Bus:BaudRate=12345"],
                TestTimeouts.Slow));
        Assert.Contains("Bus:BaudRate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bus_port_and_a_bus_gateway_together_stop_start_up_naming_both_settings()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync("QueueService", FreePort.Next(),
                ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("bus-both"), "--Bus:PortName=/dev/null-bus", "--Bus:GatewayDeviceId=bus-1"],
                TestTimeouts.Slow));
        Assert.Contains("Bus:PortName", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bus:GatewayDeviceId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_bus_port_is_retried_and_the_server_stays_up()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("bus-missing"), "--Bus:PortName=/dev/no-such-bus-adapter"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/windows/1")).StatusCode);
        Assert.False(server.HasExited);
    }
}
