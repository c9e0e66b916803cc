using Hall.DisplayBoard.BusGateway;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Xunit;

namespace Hall.DisplayBoard.Tests.BusGateway;

public sealed class BusGatewaySettingsTests
{
    [Fact]
    public async Task A_gateway_port_without_its_key_stops_start_up_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync("DisplayBoard", FreePort.Next(),
                ["--Board:ServerUrl=http://127.0.0.1:1", "--BusGateway:PortName=/dev/null-bus", "--Voice:Enabled=false"],
                TestTimeouts.Slow));
        Assert.Contains("BusGateway:DeviceKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_gateway_baud_rate_stops_start_up_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync("DisplayBoard", FreePort.Next(),
                ["--Board:ServerUrl=http://127.0.0.1:1", "--BusGateway:PortName=/dev/null-bus", "--BusGateway:DeviceKey=bus-1.k", "--BusGateway:BaudRate=12345", "--Voice:Enabled=false"],
                TestTimeouts.Slow));
        Assert.Contains("BusGateway:BaudRate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://hall.example:5000", "ws://hall.example:5000/bus/gateway")]
    [InlineData("https://hall.example", "wss://hall.example/bus/gateway")]
    [InlineData("https://proxy.example/hall-7/", "wss://proxy.example/hall-7/bus/gateway")]
    public void The_gateway_address_follows_the_servers(string server, string expected) =>
        Assert.Equal(new Uri(expected), BusGatewayService.GatewayUri(new Uri(server)));
}
