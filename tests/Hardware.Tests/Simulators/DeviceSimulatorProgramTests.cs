using System.Diagnostics;
using System.Text;
using Hall.Hardware.HallBus;
using Hall.Hardware.Serial;
using Hall.TestSupport;
using Hall.TestSupport.Serial;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Hall.Hardware.Tests.Simulators;

/// <summary>The DeviceSimulator program as the demo runs it: a child process on one end of a pty pair, stdin closed.</summary>
public sealed class DeviceSimulatorProgramTests
{
    private static readonly TimeSpan Timeout = TestTimeouts.Slow;

    [Fact]
    public async Task With_stdin_closed_it_answers_the_host_and_prints_what_the_LED_strip_shows()
    {
        using var pair = await PseudoTerminalPair.StartAsync();
        using var simulator = StartSimulator(pair.SecondPath, "--callers", "1-2", "--evaluators", "101-102", "--leds", "201-202");
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var shown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        simulator.OutputDataReceived += (_, e) =>
        {
            lock (output) { output.AppendLine(e.Data); }
            if (e.Data?.Contains("type 'help'", StringComparison.Ordinal) == true) { ready.TrySetResult(); }
            if (e.Data?.Contains("[LED 201] | A001 请到1号窗口 |", StringComparison.Ordinal) == true) { shown.TrySetResult(); }
        };
        simulator.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        simulator.Start();
        simulator.StandardInput.Close(); // as in the background of the demo
        simulator.BeginOutputReadLine();
        simulator.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(Timeout);

            using var hostPort = SerialPorts.Open(pair.FirstPath);
            var host = new HallBusHost(hostPort.Stream, TimeProvider.System, NullLogger<HallBusHost>.Instance);
            using var stop = new CancellationTokenSource();
            var run = host.RunAsync(stop.Token);

            Assert.Equal(HallBusCommandResult.Acknowledged, await host.ShowAsync(201, 0, "A001 请到1号窗口").WaitAsync(Timeout));
            await shown.Task.WaitAsync(Timeout);
            Assert.Equal(HallBusCommandResult.Acknowledged, await host.PingAsync(1).WaitAsync(Timeout));
            Assert.Equal(HallBusCommandResult.Acknowledged, await host.InviteAsync(102, 60).WaitAsync(Timeout));
            Assert.Equal(HallBusCommandResult.NoReply, await host.PingAsync(3).WaitAsync(Timeout)); // no such device
            Assert.False(simulator.HasExited);

            await stop.CancelAsync();
            await run.WaitAsync(Timeout);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            string text;
            lock (output) { text = output.ToString(); }
            throw new InvalidOperationException("Simulator output:\n" + text, ex);
        }
        finally
        {
            if (!simulator.HasExited)
            {
                simulator.Kill(entireProcessTree: true);
                await simulator.WaitForExitAsync();
            }
        }
    }

    [Fact]
    public async Task Bad_arguments_are_refused_with_a_message()
    {
        using var simulator = StartSimulator("/dev/null", "--callers", "1-300");
        simulator.Start();
        simulator.StandardInput.Close();
        var error = await simulator.StandardError.ReadToEndAsync();
        await simulator.WaitForExitAsync().WaitAsync(Timeout);
        Assert.Equal(2, simulator.ExitCode);
        Assert.Contains("1 to 247", error, StringComparison.Ordinal);
    }

    /// <summary>Debug or Release, as this test assembly was built (…/bin/{configuration}/net10.0/).</summary>
    private static string BuildConfiguration =>
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private static Process StartSimulator(string port, params string[] arguments) => StartProgram(["--port", port, .. arguments]);

    /// <summary>The built DeviceSimulator as a child process with these arguments, stdin, stdout and stderr redirected (not yet started).</summary>
    internal static Process StartProgram(IEnumerable<string> arguments)
    {
        var dll = Path.Combine(TestPaths.RepositoryRoot, "Hardware", "DeviceSimulator", "bin",
            BuildConfiguration, "net10.0", "DeviceSimulator.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        return new Process { StartInfo = info };
    }
}
