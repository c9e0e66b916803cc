using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Hall.Contracts.Api;
using Hall.Hardware.HallBus;
using Hall.Hardware.Serial;
using Hall.Hardware.Simulators;
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
    private const string GatewayKey = "bus-1.demo-bus-1-key";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<HallBusFrame> _atDevices = new();
    private PseudoTerminalPair _pair = null!;
    private ISerialPort _devicePort = null!;
    private Task _devicesRun = null!;
    private HostProcess _server = null!;
    private HostProcess? _gateway;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _pair = await PseudoTerminalPair.StartAsync();
        _devicePort = SerialPorts.Open(_pair.SecondPath, 9600);
        var devices = new SimulatedBus(_devicePort.Stream);
        for (var window = 1; window <= 8; window++)
        {
            devices.AddCaller(window);
            devices.AddEvaluator(100 + window);
        }
        devices.FrameReceived += (_, frame) => _atDevices.Enqueue(frame);
        _devicesRun = devices.RunAsync(_stop.Token);
        _server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
        [
            "--Queue:DataDirectory=" + TestPaths.NewTempDirectory("bus-gateway"),
            "--Bus:GatewayDeviceId=bus-1",
            "--Bus:PingIntervalSeconds=1",
        ]);
        _http = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:hall-admin-2026"u8.ToArray()));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
        await _server.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _devicesRun.WaitAsync(Timeout);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
        }
        _devicePort.Dispose();
        _pair.Dispose();
    }

    [Fact]
    public async Task Caller_keys_and_evaluator_presses_reach_the_server_through_the_display_computers_gateway()
    {
        _gateway = await HostProcess.StartAsync("DisplayBoard", FreePort.Next(),
        [
            "--Board:ServerUrl=" + _server.BaseUrl,
            "--Board:ReconnectMaxDelaySeconds=2",
            "--BusGateway:PortName=" + _pair.FirstPath,
            "--BusGateway:DeviceKey=" + GatewayKey,
            "--Voice:Enabled=false",
        ]);
        // Once the gateway is through, the server shows each window's state on its caller.
        await WaitForFrameAsync(f => f.Address == 1 && f.Function == HallBusFunction.Show);

        var first = await IssueAsync();
        var second = await IssueAsync();
        var login = await (await _http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = "1234" })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
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
        Assert.Equal(new RatingView(5, "非常满意"), (await TicketAsync(first.Id)).Rating);
        Assert.Equal(TicketStatus.Waiting, (await TicketAsync(second.Id)).Status);

        // The devices answer the server's pings through the gateway too.
        await WaitUntilAsync(async () =>
        {
            var devices = await _http.GetFromJsonAsync<List<DeviceStatus>>("/api/devices", Json.Options);
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
            Assert.Equal(HttpStatusCode.Forbidden, (await GetWithKeyAsync(plain, "kiosk-1.demo-kiosk-1-key")).StatusCode);
            // The right key without a WebSocket upgrade: a plain request is not a bus.
            Assert.Equal(HttpStatusCode.BadRequest, (await GetWithKeyAsync(plain, GatewayKey)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedWebSocketStatusAsync(key: null));
        Assert.Equal(HttpStatusCode.Forbidden, await RefusedWebSocketStatusAsync("kiosk-1.demo-kiosk-1-key"));
        Assert.Equal(HttpStatusCode.Forbidden, await RefusedWebSocketStatusAsync("board-1.demo-board-1-key"));
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

    private sealed record DeviceStatus(string DeviceId, string Kind, string Status, string? Detail);

    private async Task<ClientWebSocket> ConnectGatewayAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader(DeviceHeaders.Key, GatewayKey);
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

    private async Task<IssuedTicket> IssueAsync()
    {
        var response = await _http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!;
    }

    private async Task<TicketView> TicketAsync(Guid id) => (await _http.GetFromJsonAsync<TicketView>($"/api/tickets/{id}", Json.Options))!;

    private Task WaitForWindowAsync(Func<WindowInfo, bool> condition) =>
        WaitUntilAsync(async () => condition((await _http.GetFromJsonAsync<WindowInfo>("/api/windows/1", Json.Options))!));

    private async Task WriteAsync(byte[] bytes)
    {
        await _devicePort.Stream.WriteAsync(bytes);
        await _devicePort.Stream.FlushAsync();
    }

    private async Task<HallBusFrame> WaitForFrameAsync(Func<HallBusFrame, bool> match)
    {
        HallBusFrame? found = null;
        await WaitUntilAsync(() => Task.FromResult((found = _atDevices.FirstOrDefault(match)) is not null));
        return found!;
    }

    private Task WaitUntilAsync(Func<Task<bool>> condition) =>
        Eventually.TrueAsync(condition, Timeout, () => "Server:\n" + _server.Output + "\nGateway:\n" + _gateway?.Output);
}
