using Hall.Contracts.Api;
using Hall.DisplayBoard.HallConnection;
using Hall.DisplayBoard.Led;
using Hall.DisplayBoard.Tests.Support;
using Hall.Hardware.HallBus;
using Hall.TestSupport;
using Hall.TestSupport.Serial;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Hall.DisplayBoard.Tests.Led;

/// <summary>The LED strip service driving strips over the hall bus; the strips answer as the protocol says.</summary>
public sealed class LedStripServiceTests
{
    private static readonly TimeSpan Timeout = TestTimeouts.Local;

    private sealed class Rig : IAsyncDisposable
    {
        private readonly InMemoryNullModem _cable = new();
        private readonly CancellationTokenSource _stop = new();

        public Rig(LedOptions options)
        {
            Devices = new LedStripDevices(_cable.EndB, 201, 202, 203, 204, 205, 206);
            Bus = new HallBusHost(_cable.EndA, TimeProvider.System, NullLogger<HallBusHost>.Instance);
            Reporter = new LedStatusReporter(new RecordingHttpClients(Reports), NullLogger<LedStatusReporter>.Instance);
            Service = new LedStripService(Bus, State, new LedTextComposer(Options.Create(options)), Reporter, Options.Create(options),
                TimeProvider.System, NullLogger<LedStripService>.Instance);
        }

        /// <summary>Device status reports the service sent to the hall server, as JSON bodies.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<string> Reports { get; } = new();

        public LedStatusReporter Reporter { get; }

        public HallState State { get; } = new(TimeProvider.System);
        public HallBusHost Bus { get; }
        public LedStripService Service { get; }
        public LedStripDevices Devices { get; }

        public async Task StartAsync()
        {
            var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Bus.ConnectionChanged += (_, c) => { if (c.Connected) connected.TrySetResult(); };
            await Reporter.StartAsync(CancellationToken.None);
            await Service.StartAsync(CancellationToken.None);
            await connected.Task.WaitAsync(Timeout);
        }

        public async ValueTask DisposeAsync()
        {
            await Service.StopAsync(CancellationToken.None);
            Service.Dispose();
            await Reporter.StopAsync(CancellationToken.None);
            Reporter.Dispose();
            await Devices.DisposeAsync();
            _cable.Dispose();
            _stop.Dispose();
        }
    }

    [Fact]
    public async Task The_snapshot_puts_each_windows_sign_on_its_strip()
    {
        await using var rig = new Rig(new LedOptions());
        await rig.StartAsync();
        var snapshot = DemoHall.Snapshot();
        rig.State.ApplySnapshot(snapshot);

        await rig.Service.OnSnapshotAsync(snapshot, CancellationToken.None);

        // The strips are written one after another; wait for each line read below, not only the last one sent.
        foreach (var (address, line) in new[] { (201, 0), (201, 1), (203, 0), (205, 1), (206, 1) })
        {
            await rig.Devices.WaitForAsync(s => s.Address == address && s.Line == line, Timeout);
        }
        Assert.Equal("1号窗口", rig.Devices.Text(201, 0));
        Assert.Equal("市政务服务中心 张晓明 工号1001", rig.Devices.Text(201, 1));
        Assert.Equal("B003", rig.Devices.Text(203, 0));
        Assert.Equal("暂停服务", rig.Devices.Text(205, 1));
        Assert.Equal("暂停办理", rig.Devices.Text(206, 1));
    }

    [Fact]
    public async Task A_call_blinks_and_then_stays()
    {
        // Three seconds of blinking: on a loaded machine one step (two frames, each waiting for its acknowledgement)
        // can take most of a second, and a one-second blink then had no room for a blank step.
        await using var rig = new Rig(new LedOptions { BlinkSeconds = 3, BlinkIntervalMilliseconds = 200 });
        await rig.StartAsync();
        var snapshot = DemoHall.Snapshot();
        rig.State.ApplySnapshot(snapshot);
        var started = DateTimeOffset.Now;

        var call = new Hall.Contracts.Hub.TicketCalled(Guid.NewGuid(), "A001", 1, "1号窗口", "市场准入", started, false, "请A001号到1号窗口办理", "");
        rig.State.ApplyCall(call);
        await rig.Service.OnTicketCalledAsync(call, CancellationToken.None);

        var first = await rig.Devices.WaitForAsync(s => s.Address == 201 && s.Text == "A001", Timeout);
        Assert.Equal(HallBusFrameEncoder.Encode(HallBusFrames.Show(201, 0, "A001")), first.Bytes);
        // Blank between shows, then steady: wait until the blink time is over and the last frames show the call.
        await rig.Devices.WaitForAsync(s => s.Address == 201 && s.Text == "" && s.Line == 0, Timeout);
        await WaitUntilAsync(() => rig.Service.Strips[201].Shown == new LedContent("A001", "请到1号窗口") && rig.Devices.Shows[^1].At - started > TimeSpan.FromSeconds(3));
        Assert.Equal("A001", rig.Devices.Text(201, 0));
        Assert.Equal("请到1号窗口", rig.Devices.Text(201, 1));
        var texts = rig.Devices.Shows.Where(s => s.Address == 201 && s.Line == 0).Select(s => s.Text).ToList();
        // How many blank steps fit in the blink time depends on how fast the bus answers (slower on a loaded machine):
        // at least one, between shows of the number.
        Assert.True(texts.Contains("") && texts[0] == "A001" && texts[^1] == "A001", string.Join(",", texts));
        // A window change for the same ticket does not cut the blink short nor send anything new.
        Assert.DoesNotContain(rig.Devices.Shows, s => s.Address != 201);
    }

    [Fact]
    public async Task A_window_change_shows_pause_and_return()
    {
        await using var rig = new Rig(new LedOptions());
        await rig.StartAsync();
        var window = DemoHall.Snapshot().Windows[1];

        await rig.Service.OnWindowChangedAsync(window with { State = WindowState.Paused }, CancellationToken.None);
        await rig.Devices.WaitForAsync(s => s.Address == 202 && s.Text == "暂停服务", Timeout);
        var mark = rig.Devices.Count;
        await rig.Service.OnWindowChangedAsync(window, CancellationToken.None);
        await rig.Devices.WaitForAsync(s => s.Address == 202 && s.Line == 1 && s.Text.Contains("李娜"), Timeout, after: mark);
    }

    [Fact]
    public async Task A_strip_that_was_silent_gets_its_text_again_when_it_answers()
    {
        await using var rig = new Rig(new LedOptions { PingIntervalSeconds = 1 });
        rig.Devices.Silent.Add(202);
        await rig.StartAsync();
        var window = DemoHall.Snapshot().Windows[1];
        await rig.Service.OnWindowChangedAsync(window with { State = WindowState.Paused }, CancellationToken.None);
        var offline = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Bus.DeviceStateChanged += (_, c) =>
        {
            if (c.Current.Address == 202 && c.Current.Link == DeviceLink.Offline) offline.TrySetResult();
            if (c.Current.Address == 202 && c.Current.Link == DeviceLink.Online) online.TrySetResult();
        };
        await offline.Task.WaitAsync(TestTimeouts.Slow);
        Assert.Null(rig.Service.Strips[202].Shown);
        await WaitUntilAsync(() => rig.Reports.Any(r => r.Contains("\"led:202\"", StringComparison.Ordinal) && r.Contains("\"offline\"", StringComparison.Ordinal)));

        rig.Devices.Silent.Remove(202);
        await online.Task.WaitAsync(TestTimeouts.Slow);
        await rig.Devices.WaitForAsync(s => s.Address == 202 && s.Line == 1 && s.Text == "暂停服务", Timeout);
        await WaitUntilAsync(() => rig.Reports.Any(r => r.Contains("\"led:202\"", StringComparison.Ordinal) && r.Contains("\"online\"", StringComparison.Ordinal)));
    }

    /// <summary>Plays the hall server's <c>POST /api/devices/status</c>, keeping each body.</summary>
    private sealed class RecordingHttpClients(System.Collections.Concurrent.ConcurrentQueue<string> bodies) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new Handler(bodies)) { BaseAddress = new Uri("http://hall/") };

        private sealed class Handler(System.Collections.Concurrent.ConcurrentQueue<string> bodies) : HttpMessageHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Assert.Equal("/api/devices/status", request.RequestUri!.AbsolutePath);
                bodies.Enqueue(await request.Content!.ReadAsStringAsync(cancellationToken));
                return new HttpResponseMessage(System.Net.HttpStatusCode.NoContent);
            }
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.TrueAsync(condition, Timeout);
}
