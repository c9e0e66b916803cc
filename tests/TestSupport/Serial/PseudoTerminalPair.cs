using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Hall.TestSupport.Serial;

/// <summary>
/// Two linked pseudo-terminals made by <c>socat -d -d pty,raw,echo=0 pty,raw,echo=0</c>: bytes written to one
/// arrive at the other, like a null-modem cable. Each end is opened like a real serial port. socat is killed on dispose.
/// </summary>
public sealed partial class PseudoTerminalPair : IDisposable
{
    private readonly Process _socat;
    private readonly StringBuilder _log = new();

    private PseudoTerminalPair(Process socat, string first, string second)
    {
        _socat = socat;
        FirstPath = first;
        SecondPath = second;
    }

    /// <summary>e.g. <c>/dev/pts/5</c>.</summary>
    public string FirstPath { get; }

    public string SecondPath { get; }

    public bool IsRunning => !_socat.HasExited;

    public static async Task<PseudoTerminalPair> StartAsync(TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("socat")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0" })
        {
            info.ArgumentList.Add(argument);
        }

        var paths = new List<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        Process socat;
        try
        {
            socat = new Process { StartInfo = info, EnableRaisingEvents = true };
            socat.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    ready.TrySetException(new InvalidOperationException("socat ended before both pseudo-terminals were ready:\n" + log));
                    return;
                }
                lock (log)
                {
                    log.AppendLine(e.Data);
                    // "2025/01/01 12:00:00 socat[123] N PTY is /dev/pts/5"
                    var match = PtyLine().Match(e.Data);
                    if (match.Success)
                    {
                        paths.Add(match.Groups[1].Value);
                    }
                    if (paths.Count == 2 && e.Data.Contains("starting data transfer loop", StringComparison.Ordinal))
                    {
                        ready.TrySetResult();
                    }
                }
            };
            socat.Start();
            socat.BeginErrorReadLine();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("socat is not installed (apt-get install socat).", ex);
        }

        try
        {
            await ready.Task.WaitAsync(timeout ?? TestTimeouts.Local);
        }
        catch
        {
            Kill(socat);
            socat.Dispose();
            throw;
        }
        var pair = new PseudoTerminalPair(socat, paths[0], paths[1]);
        lock (log)
        {
            pair._log.Append(log);
        }
        return pair;
    }

    public override string ToString() => $"{FirstPath} <-> {SecondPath}";

    public void Dispose()
    {
        Kill(_socat);
        _socat.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    [GeneratedRegex(@"PTY is (\S+)")]
    private static partial Regex PtyLine();
}
