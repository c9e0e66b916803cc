using System.Net.WebSockets;
using Hall.Hardware.HallBus;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Hall.TestSupport.Serial;
using Xunit;

namespace Hall.DisplayBoard.Tests.EndToEnd;

/// <summary>
/// A hall reached through a proxy that lets no WebSocket through: the hall server offers only long polling
/// (<c>--Hub:Transports=LongPolling</c>), and the display computer, started as always, negotiates it and still drives
/// its LED strips. Real processes, a socat pseudo-terminal pair and simulated strips, as in the end-to-end test.
/// </summary>
public sealed class BoardWithoutWebSocketsTests
{
    private static readonly TimeSpan Timeout = TestTimeouts.Process;

    [Fact]
    public async Task With_only_long_polling_on_the_server_a_call_still_reaches_the_strip()
    {
        await using var strips = await BusRig.StartAsync();
        strips.Devices.AddLedStrip(201);

        await using var queue = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("longpolling-queue"), "--Hub:Transports=LongPolling"]);
        // What the proxy allows: a WebSocket to the hub is refused.
        using (var socket = new ClientWebSocket())
        {
            var hub = new Uri(queue.BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + Contracts.Hub.HallHub.Path);
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(hub, CancellationToken.None));
        }

        await using var board = await HostProcess.StartAsync("DisplayBoard", FreePort.Next(),
        [
            "--Board:ServerUrl=" + queue.BaseUrl,
            "--Led:PortName=" + strips.HostPortPath,
            // The client names the transport it starts at Debug level.
            "--Logging:LogLevel:Microsoft.AspNetCore.Http.Connections.Client=Debug",
        ]);
        // The snapshot reached the board: window 1's sign is on strip 201.
        await strips.WaitForFrameAsync(f => f.Address == 201 && f.Function == HallBusFunction.Show, Timeout);

        using var http = new HttpClient { BaseAddress = new Uri(queue.BaseUrl) };
        var number = await DisplayBoardEndToEndTests.CallNextAtWindow1Async(http);
        await strips.WaitForFrameAsync(f => f.Function == HallBusFunction.Show
            && DisplayBoardEndToEndTests.TextOf(f).Contains(number, StringComparison.Ordinal), Timeout);
        Assert.Contains("LongPolling", board.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("'WebSockets'", board.Output, StringComparison.Ordinal);
    }
}
