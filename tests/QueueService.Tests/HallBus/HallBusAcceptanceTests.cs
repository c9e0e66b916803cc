using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.Hardware.HallBus;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Hall.TestSupport.Serial;

using static Hall.QueueService.Tests.HallBus.BusFrameText;

namespace Hall.QueueService.Tests.HallBus;

/// <summary>
/// The real QueueService process with its hall bus on one end of a socat pseudo-terminal pair; on the other end the
/// test writes device frames byte for byte, while simulated devices answer the server's commands (SHOW, BEEP, INVITE, PING).
/// </summary>
public sealed class HallBusAcceptanceTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TestTimeouts.Process;
    private BusRig _bus = null!;
    private HostProcess _server = null!;
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
            "--Queue:DataDirectory=" + TestPaths.NewTempDirectory("bus"),
            "--Bus:PortName=" + _bus.HostPortPath,
            "--Bus:PingIntervalSeconds=1",
        ]);
        _http = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        // The demo administrator, who may also read the device states supervisors see.
        _http.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        // The server shows each window's state on its caller once the port is open.
        await WaitForFrameAsync(f => f.Address == 1 && f.Function == HallBusFunction.Show);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await _bus.DisposeAsync();
    }

    [Fact]
    public async Task Caller_keys_act_once_finishing_invites_the_evaluator_and_its_rating_binds_once()
    {
        // Nobody logged in at window 1: the key is acknowledged and refused with a beep.
        await WriteAsync(Hex("68 04 04 68 01 10 01 01 13 16"));
        await WaitForFrameAsync(f => Encoded(f) == "68 03 03 68 01 90 01 92 16");
        await WaitForFrameAsync(f => f.Address == 1 && f.Function == HallBusFunction.Beep);

        var first = await IssueAsync();
        var second = await IssueAsync();
        var login = await (await _http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        Assert.NotNull(login);

        // Call next, then the same frame again (the device missed our acknowledgement): acknowledged twice, acts once.
        var callNext = Key(sequence: 2, HallBusKey.CallNext);
        await WriteAsync(callNext);
        await WaitForFrameAsync(f => Encoded(f) == "68 03 03 68 01 90 02 93 16");
        await WriteAsync(callNext);
        await WaitUntilAsync(() => _bus.AtDevices.Count(f => Encoded(f) == "68 03 03 68 01 90 02 93 16") == 2);
        await WaitForWindowAsync(w => w.State == WindowState.Calling && w.CurrentTicket?.Id == first.Id);
        await WaitForFrameAsync(f => f.Address == 1 && f.Function == HallBusFunction.Show && ShownText(f) == "A001 呼叫中");

        await WriteAsync(Key(sequence: 3, HallBusKey.StartService));
        await WaitForWindowAsync(w => w.State == WindowState.Serving && w.CurrentTicket?.Id == first.Id);
        Assert.Equal(TicketStatus.Waiting, (await TicketAsync(second.Id)).Status); // the repeat did not call a second ticket

        await WriteAsync(Key(sequence: 4, HallBusKey.Finish));
        await WaitForFrameAsync(f => Encoded(f) == "68 03 03 68 01 90 04 95 16");
        var invite = await WaitForFrameAsync(f => f.Address == 101 && f.Function == HallBusFunction.Invite);
        Assert.Equal(60, invite.Data.Span[0]);
        Assert.Equal(TicketStatus.Done, (await TicketAsync(first.Id)).Status);

        // The evaluator's press binds to the finished ticket; a second press changes nothing.
        await WriteAsync(Hex("68 04 04 68 65 11 07 05 82 16"));
        await WaitForFrameAsync(f => Encoded(f) == "68 03 03 68 65 91 07 FD 16");
        await WaitUntilAsync(async () => (await TicketAsync(first.Id)).Rating is not null);
        Assert.Equal(new RatingView(5, "非常满意") { Channel = "evaluator" }, (await TicketAsync(first.Id)).Rating);
        await WriteAsync(Encode(HallBusFrames.Rating(101, 8, RatingLevel.VeryDissatisfied)));
        await WaitForFrameAsync(f => f == HallBusFrames.Acknowledge(101, HallBusFunction.Rating, 8));

        // Garbage, a bad checksum and a truncated frame: none acknowledged, none acts (each would finish or call).
        await WriteAsync([0x00, 0x68, 0x13, 0x37, 0xFF, 0x16, 0x68, 0x68, 0x42]);
        var badChecksum = Key(sequence: 20, HallBusKey.CallNext);
        badChecksum[^2] ^= 0x5A;
        await WriteAsync(badChecksum);
        await WriteAsync(Key(sequence: 21, HallBusKey.CallNext)[..^2]);
        await WriteAsync(new byte[12]);

        // Events are handled in order: once this call is done, everything sent before it has been handled.
        await WriteAsync(Key(sequence: 22, HallBusKey.CallNext));
        await WaitForWindowAsync(w => w.State == WindowState.Calling && w.CurrentTicket?.Id == second.Id);
        Assert.Equal(new RatingView(5, "非常满意") { Channel = "evaluator" }, (await TicketAsync(first.Id)).Rating);
        Assert.DoesNotContain(_bus.AtDevices, f => f.Address == 1 && f.Function == HallBusFunctions.ReplyTo(HallBusFunction.Key) && f.Sequence is 20 or 21);
        Assert.Equal(TicketStatus.Called, (await TicketAsync(second.Id)).Status);

        // Protocol 1.1: an evaluator with a screen sends the numbers of the reasons ticked; numbers the hall lacks are ignored.
        await WriteAsync(Key(sequence: 23, HallBusKey.StartService));
        await WriteAsync(Key(sequence: 24, HallBusKey.Finish));
        await WaitUntilAsync(async () => (await TicketAsync(second.Id)).Status == TicketStatus.Done);
        await WriteAsync(Encode(HallBusFrames.Rating(101, 10, RatingLevel.Dissatisfied, 1, 3, 99)));
        await WaitUntilAsync(async () => (await TicketAsync(second.Id)).Rating is not null);
        Assert.Equal(new RatingView(2, "不满意") { Channel = "evaluator", Reasons = ["attitudePoor", "notToldAtOnce"] }, (await TicketAsync(second.Id)).Rating);

        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health")).StatusCode);
        Assert.False(_server.HasExited);
    }

    [Fact]
    public async Task Callers_and_evaluators_that_answer_pings_are_reported_online()
    {
        await WaitUntilAsync(async () =>
        {
            var devices = await _http.DevicesAsync();
            return devices!.Any(d => d.DeviceId == "bus:1" && d.Kind == "caller" && d.Status == "online")
                && devices!.Any(d => d.DeviceId == "bus:101" && d.Kind == "evaluator" && d.Status == "online");
        });
    }

    private Task<IssuedTicket> IssueAsync() => _http.IssueAsync();

    private Task<TicketView> TicketAsync(Guid id) => _http.TicketAsync(id);

    private Task WaitForWindowAsync(Func<WindowInfo, bool> condition) =>
        WaitUntilAsync(async () => condition(await _http.Window1Async()));

    private Task WriteAsync(byte[] bytes) => _bus.WriteAsync(bytes);

    private Task<HallBusFrame> WaitForFrameAsync(Func<HallBusFrame, bool> match) => _bus.WaitForFrameAsync(match, Timeout);

    // A condition that never comes true shows the server's last words (a press it ignored says why in its log).
    private Task WaitUntilAsync(Func<Task<bool>> condition) => Eventually.TrueAsync(condition, Timeout, ServerOutputTail);

    private Task WaitUntilAsync(Func<bool> condition) => Eventually.TrueAsync(condition, Timeout, ServerOutputTail);

    private string ServerOutputTail()
    {
        var output = _server.Output;
        return "The server's output ends: " + (output.Length > 4000 ? output[^4000..] : output);
    }

    private static byte[] Key(byte sequence, HallBusKey key) => Encode(HallBusFrames.Key(1, sequence, key));
}
