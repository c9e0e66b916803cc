using System.Diagnostics;
using System.Text;

namespace Hall.TestSupport.Processes;

/// <summary>
/// One of the hall's programs (QueueService, KioskApp, DisplayBoard) started as a real child process on real Kestrel,
/// exactly as the contract starts it, with its output kept for the test's failure message.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The child's process id, for a profiler to attach to.</summary>
    public int ProcessId => _process.Id;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>Starts <c>{project}/bin/{configuration}/net10.0/{project}.dll</c> with <c>--urls</c> and the given arguments, and waits for <c>GET /health</c>.</summary>
    /// <param name="parentName">Start it under a shell whose process is named so (Linux), e.g. <c>systemd</c>: what
    /// <c>AddSystemd</c> looks at to know it runs under systemd.</param>
    public static Task<HostProcess> StartAsync(string project, int port, IEnumerable<string> arguments, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null, string? parentName = null) =>
        StartDllAsync(Path.Combine(TestPaths.RepositoryRoot, project, "bin", BuildConfiguration, "net10.0", Path.GetFileName(project) + ".dll"),
            port, arguments, timeout, environment, parentName);

    /// <summary>Starts any built host dll with <c>dotnet DLL --urls …</c> and waits for <c>GET /health</c>; a host that never gets there is killed.</summary>
    public static async Task<HostProcess> StartDllAsync(string dll, int port, IEnumerable<string> arguments, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null, string? parentName = null)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built; build the solution first.", dll);
        }
        var baseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        if (parentName is not null)
        {
            // A link to sh under that name: the kernel names the process after the file it ran. The shell stays the
            // parent because a command follows ("exit"), and passes the exit code on.
            var shell = Path.Combine(TestPaths.NewTempDirectory("parent"), parentName);
            File.CreateSymbolicLink(shell, "/bin/sh");
            info.FileName = shell;
            foreach (var argument in new[] { "-c", "\"$@\"; exit $?", parentName, "dotnet" })
            {
                info.ArgumentList.Add(argument);
            }
        }
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseUrl);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitHealthyAsync(timeout ?? TestTimeouts.Run);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>CPU time the process has used so far (all its threads); a cost per request comes from its difference.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The process's resident memory now (its working set).</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // Waiting for the exit also drains the redirected output, so the message has the process's last words.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The process exited with code {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/health");
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
        throw new TimeoutException($"{BaseUrl}/health did not answer 200 within {timeout}:\n{Output}");
    }

    /// <summary>SIGKILL, as a power cut or a crash would end it: no shutdown code runs.</summary>
    public async Task KillHardAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
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
        await KillHardAsync();
        _process.Dispose();
    }

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
