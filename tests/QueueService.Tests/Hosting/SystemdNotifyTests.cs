using System.Net.Sockets;
using System.Text;
using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Hosting;

/// <summary>
/// Under a <c>Type=notify</c> systemd unit the server says READY=1 on <c>$NOTIFY_SOCKET</c> once it serves
/// (<c>AddSystemd</c>, which acts when the parent process is named systemd, as it is here).
/// </summary>
public sealed class SystemdNotifyTests
{
    [Fact]
    public async Task The_server_tells_systemd_it_is_ready_once_the_hall_is_loaded()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory("notify"), "notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("notify-queue"), "--Logging:Console:FormatterName=json"],
            environment: new Dictionary<string, string> { ["NOTIFY_SOCKET"] = path }, parentName: "systemd");

        var buffer = new byte[1024];
        using var timeout = new CancellationTokenSource(TestTimeouts.Slow);
        var received = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        var message = Encoding.UTF8.GetString(buffer, 0, received);
        Assert.StartsWith("READY=1", message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await new HttpClient().GetAsync(server.BaseUrl + "/health")).StatusCode);
        // The units' JSON log setting wins over the journal format AddSystemd would choose.
        Assert.Contains(server.Output.Split('\n'), line => line.StartsWith('{') && line.Contains("\"LogLevel\"", StringComparison.Ordinal));
    }
}
