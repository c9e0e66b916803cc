using Hall.TestSupport.Processes;

namespace Hall.Benchmarks.Hosting;

/// <summary>
/// A server in its own process on loopback (the real QueueService, or the bare baseline hub), started through the
/// tests' <see cref="HostProcess"/> and ready once <c>GET /health</c> answers 200.
/// </summary>
public sealed class ChildHost : IAsyncDisposable
{
    private readonly HostProcess _process;

    private ChildHost(HostProcess process)
    {
        _process = process;
        BaseUrl = new Uri(process.BaseUrl);
    }

    public Uri BaseUrl { get; }

    /// <summary>CPU time the server has used so far: the cost per ticket or call comes from its difference.</summary>
    public TimeSpan CpuTime => _process.CpuTime;

    public int ProcessId => _process.ProcessId;

    public long WorkingSetBytes => _process.WorkingSetBytes;

    /// <summary>The QueueService built next to this benchmark (same configuration), on a fresh data directory.</summary>
    /// <param name="profiled">Started so that <see cref="SampledProfile"/> can name its JIT-compiled methods (the runtime's perf map).</param>
    public static async Task<ChildHost> StartQueueServiceAsync(string dataDirectory, string? hallFile = null, string? busPort = null,
        IEnumerable<string>? more = null, bool profiled = false)
    {
        var arguments = new List<string> { "--Queue:DataDirectory=" + dataDirectory, "--Logging:LogLevel:Default=Warning" };
        arguments.AddRange(more ?? []);
        if (hallFile is not null)
        {
            arguments.Add("--Queue:HallFile=" + hallFile);
        }
        if (busPort is not null)
        {
            arguments.Add("--Bus:PortName=" + busPort);
        }
        return new ChildHost(await HostProcess.StartAsync("QueueService", FreePort.Next(), arguments,
            environment: profiled ? SampledProfile.ProfiledEnvironment : null));
    }

    /// <summary>The display computer built next to this benchmark, driving the LED strips on <paramref name="ledPort"/>, without voice.</summary>
    public static async Task<ChildHost> StartDisplayBoardAsync(Uri server, string ledPort) =>
        new(await HostProcess.StartAsync("DisplayBoard", FreePort.Next(),
            ["--Board:ServerUrl=" + server, "--Led:PortName=" + ledPort, "--Voice:Enabled=false", "--Logging:LogLevel:Default=Warning"]));

    /// <summary>This benchmark's own dll in baseline-server mode: a bare hub in a process of its own, like the QueueService.</summary>
    public static async Task<ChildHost> StartBaselineHubAsync(string payloadFile) =>
        new(await HostProcess.StartDllAsync(typeof(ChildHost).Assembly.Location, FreePort.Next(), [Baseline.BareHubServer.Argument, payloadFile]));

    /// <summary>This benchmark's own dll as the bare issuing endpoint: one SQLite insert transaction per request.</summary>
    public static async Task<ChildHost> StartBaselineIssueAsync(string dataDirectory) =>
        new(await HostProcess.StartDllAsync(typeof(ChildHost).Assembly.Location, FreePort.Next(), [Baseline.BareIssueServer.Argument, dataDirectory]));

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
