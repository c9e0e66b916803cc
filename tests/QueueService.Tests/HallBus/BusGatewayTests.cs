using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Hall.Contracts.Api;
using Hall.Hardware.HallBus;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Hall.TestSupport.Serial;

using static Hall.QueueService.Tests.HallBus.BusFrameText;

namespace Hall.QueueService.Tests.HallBus;

/// <summary>
/// A hall server that is not in the hall (<c>--Bus:GatewayDeviceId=bus-1</c>), the real display computer as the bus
/// gateway on one end of a socat pseudo-terminal pair, and simulated callers and evaluators on the other end: the bus
/// bytes travel serial → WebSocket → server and back.
/// </summary>
public sealed class BusGatewayTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TestTimeouts.Process;
    private BusRig _bus = null!;
    private HostProcess _server = null!;
    private HostProcess? _gateway;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _bus = await BusRig.StartAsync();
        for (var window = 1; window <= 8; window++)
        {
            _bus.Devices.AddCaller(window);
            _bus.Devices.AddEvaluator(100 + window);
        }
        _server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
        [
            "--Queue:DataDirectory=" + TestPaths.NewTempDirectory("bus-gateway"),
            "--Bus:GatewayDeviceId=bus-1",
            "--Bus:PingIntervalSeconds=1",
        ]);
        _http = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        _http.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
        await _server.DisposeAsync();
        await _bus.DisposeAsync();
    }

    [Fact]
    public async Task Caller_keys_and_evaluator_presses_reach_the_server_through_the_display_computers_gateway()
    {
        _gateway = await HostProcess.StartAsync("DisplayBoard", FreePort.Next(),
        [
            "--Board:ServerUrl=" + _server.BaseUrl,
            "--Board:ReconnectMaxDelaySeconds=2",
            "--BusGateway:PortName=" + _bus.HostPortPath,
            "--BusGateway:DeviceKey=" + DemoCredentials.BusGatewayKey,
            "--Voice:Enabled=false",
        ]);
        // Once the gateway is through, the server shows each window's state on its caller.
        await WaitForFrameAsync(f => f.Address == 1 && f.Function == HallBusFunction.Show);

        var first = await IssueAsync();
        var second = await IssueAsync();
        var login = await (await _http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        Assert.NotNull(login);

        // Caller 1, sequence 1, key call next (the protocol's example frame), acknowledged through the tunnel.
        await WriteAsync(Hex("68 04 04 68 01 10 01 01 13 16"));
        await WaitForFrameAsync(f => Encoded(f) == "68 03 03 68 01 90 01 92 16");
        await WaitForWindowAsync(w => w.State == WindowState.Calling && w.CurrentTicket?.Id == first.Id);
        await WaitForFrameAsync(f => f.Address == 1 && f.Function == HallBusFunction.Show && ShownText(f) == "A001 呼叫中");

        await WriteAsync(Encode(HallBusFrames.Key(1, 2, HallBusKey.StartService)));
        await WaitForWindowAsync(w => w.State == WindowState.Serving && w.CurrentTicket?.Id == first.Id);
        await WriteAsync(Encode(HallBusFrames.Key(1, 3, HallBusKey.Finish)));
        var invite = await WaitForFrameAsync(f => f.Address == 101 && f.Function == HallBusFunction.Invite);
        Assert.Equal(60, invite.Data.Span[0]);
        Assert.Equal(TicketStatus.Done, (await TicketAsync(first.Id)).Status);

        // Evaluator 101, sequence 7, rating 5: binds to the finished ticket.
        await WriteAsync(Hex("68 04 04 68 65 11 07 05 82 16"));
        await WaitForFrameAsync(f => Encoded(f) == "68 03 03 68 65 91 07 FD 16");
        await WaitUntilAsync(async () => (await TicketAsync(first.Id)).Rating is not null);
        Assert.Equal(new RatingView(5, "非常满意") { Channel = "evaluator" }, (await TicketAsync(first.Id)).Rating);
        Assert.Equal(TicketStatus.Waiting, (await TicketAsync(second.Id)).Status);

        // The devices answer the server's pings through the gateway too.
        await WaitUntilAsync(async () =>
        {
            var devices = await _http.DevicesAsync();
            return devices!.Any(d => d.DeviceId == "bus:101" && d.Status == "online" && d.Detail?.Contains("gateway bus-1", StringComparison.Ordinal) == true);
        });
        Assert.False(_server.HasExited);
        Assert.False(_gateway.HasExited);
    }

    [Fact]
    public async Task The_gateway_endpoint_needs_the_gateways_own_key()
    {
        using (var plain = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) })
        {
            var anonymous = await plain.GetAsync(BusGatewayEndpoint.Path);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithKeyAsync(plain, "bus-1.not-the-key")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await GetWithKeyAsync(plain, DemoCredentials.Kiosk1Key)).StatusCode);
            // The right key without a WebSocket upgrade: a plain request is not a bus.
            Assert.Equal(HttpStatusCode.BadRequest, (await GetWithKeyAsync(plain, DemoCredentials.BusGatewayKey)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedWebSocketStatusAsync(key: null));
        Assert.Equal(HttpStatusCode.Forbidden, await RefusedWebSocketStatusAsync(DemoCredentials.Kiosk1Key));
        Assert.Equal(HttpStatusCode.Forbidden, await RefusedWebSocketStatusAsync(DemoCredentials.BoardKey));
    }

    [Fact]
    public async Task A_gateway_that_connects_again_replaces_its_older_connection()
    {
        using var older = await ConnectGatewayAsync();
        await older.SendAsync(Encode(HallBusFrames.Key(1, 41, HallBusKey.CallNext)), WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.Contains(HallBusFrames.Acknowledge(1, HallBusFunction.Key, 41), await ReceiveFramesUntilAsync(older, f => f.Sequence == 41 && f.Address == 1));

        using var newer = await ConnectGatewayAsync();
        // The older socket is ended by the server (closed or aborted), and the bus now runs over the newer one.
        await WaitClosedAsync(older);
        await newer.SendAsync(Encode(HallBusFrames.Key(1, 42, HallBusKey.CallNext)), WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.Contains(HallBusFrames.Acknowledge(1, HallBusFunction.Key, 42), await ReceiveFramesUntilAsync(newer, f => f.Sequence == 42 && f.Address == 1));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health")).StatusCode);
    }

    private async Task<ClientWebSocket> ConnectGatewayAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader(DeviceHeaders.Key, DemoCredentials.BusGatewayKey);
        using var timeout = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(GatewayUri(), timeout.Token);
        return socket;
    }

    private static async Task<List<HallBusFrame>> ReceiveFramesUntilAsync(WebSocket socket, Func<HallBusFrame, bool> last)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var frames = new List<HallBusFrame>();
        var decoder = new HallBusFrameDecoder();
        var buffer = new byte[1024];
        while (!frames.Any(last))
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.Equal(WebSocketMessageType.Binary, result.MessageType);
            frames.AddRange(decoder.Feed(buffer.AsSpan(0, result.Count)));
        }
        return frames;
    }

    private static async Task WaitClosedAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var buffer = new byte[1024];
        try
        {
            while ((await socket.ReceiveAsync(buffer, timeout.Token)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (WebSocketException)
        {
            // aborted rather than closed: ended all the same
        }
        Assert.False(timeout.IsCancellationRequested, "the older gateway connection was not ended");
    }

    private async Task<HttpStatusCode> RefusedWebSocketStatusAsync(string? key)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (key is not null)
        {
            socket.Options.SetRequestHeader(DeviceHeaders.Key, key);
        }
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(GatewayUri(), CancellationToken.None));
        return socket.HttpStatusCode;
    }

    private Uri GatewayUri() => new(_server.BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + BusGatewayEndpoint.Path);

    private static Task<HttpResponseMessage> GetWithKeyAsync(HttpClient http, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, BusGatewayEndpoint.Path);
        request.Headers.Add(DeviceHeaders.Key, key);
        return http.SendAsync(request);
    }

    private Task<IssuedTicket> IssueAsync() => _http.IssueAsync();

    private Task<TicketView> TicketAsync(Guid id) => _http.TicketAsync(id);

    private Task WaitForWindowAsync(Func<WindowInfo, bool> condition) =>
        WaitUntilAsync(async () => condition(await _http.Window1Async()));

    private Task WriteAsync(byte[] bytes) => _bus.WriteAsync(bytes);

    private Task<HallBusFrame> WaitForFrameAsync(Func<HallBusFrame, bool> match) => _bus.WaitForFrameAsync(match, Timeout, Outputs);

    private Task WaitUntilAsync(Func<Task<bool>> condition) => Eventually.TrueAsync(condition, Timeout, Outputs);

    private string Outputs() => "Server:\n" + _server.Output + "\nGateway:\n" + _gateway?.Output;
}
