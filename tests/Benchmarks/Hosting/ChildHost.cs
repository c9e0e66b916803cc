using System.Diagnostics;
using System.Text;

namespace Hall.Benchmarks.Hosting;

/// <summary>
/// A server in its own process on loopback (the real QueueService, or the bare baseline hub), started with
/// <c>dotnet DLL --urls …</c> and ready once <c>GET /health</c> answers 200. Its output is kept for error messages.
/// </summary>
public sealed class ChildHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildHost(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>CPU time the server has used so far (all its threads): the cost per ticket or call comes from its difference.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>The QueueService built next to this benchmark (same configuration), on a fresh data directory.</summary>
    public static Task<ChildHost> StartQueueServiceAsync(string dataDirectory, string? hallFile = null, string? busPort = null)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "QueueService", "bin", BuildConfiguration, "net10.0", "QueueService.dll");
        var arguments = new List<string> { "--Queue:DataDirectory=" + dataDirectory, "--Logging:LogLevel:Default=Warning" };
        if (hallFile is not null)
        {
            arguments.Add("--Queue:HallFile=" + hallFile);
        }
        if (busPort is not null)
        {
            arguments.Add("--Bus:PortName=" + busPort);
        }
        return StartAsync(dll, arguments);
    }

    /// <summary>This benchmark's own dll in baseline-server mode: a bare hub in a process of its own, like the QueueService.</summary>
    public static Task<ChildHost> StartBaselineHubAsync(string payloadFile)
    {
        var dll = typeof(ChildHost).Assembly.Location;
        return StartAsync(dll, [Baseline.BareHubServer.Argument, payloadFile]);
    }

    public static async Task<ChildHost> StartAsync(string dll, IEnumerable<string> arguments)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built; run `dotnet build -c {BuildConfiguration}` first.", dll);
        }
        var port = FreePort.Next();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new ChildHost(process, baseUrl);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.StartInfo.ArgumentList[0]} exited with code {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{BaseUrl}health did not answer 200 within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
