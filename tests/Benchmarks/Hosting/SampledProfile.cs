using System.Diagnostics;
using System.Globalization;

namespace Hall.Benchmarks.Hosting;

/// <summary>
/// A sampled CPU profile of a child server while a stage loads it (<c>--profile DIR</c>). On Linux with <c>perf</c>
/// (and the right to use it: root, or <c>kernel.perf_event_paranoid</c> ≤ 1) the kernel samples the process on CPU,
/// native SQLite included, and the runtime's perf map names the JIT-compiled methods; <c>perf report</c> then lists
/// the top symbols by self and by inclusive time. Otherwise <c>dotnet-trace</c> (the .NET global tool) samples thread
/// stacks over EventPipe, where waiting threads count too, so its list needs reading with that in mind.
/// </summary>
public static class SampledProfile
{
    private const int TopMethods = 40;

    /// <summary>The runtime writes /tmp/perf-PID.map, which perf reads to name JIT-compiled code.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProfiledEnvironment = new Dictionary<string, string>
    {
        ["DOTNET_PerfMapEnabled"] = "1",
        // Without W^X double mapping the code lies in anonymous memory, where perf looks the map up.
        ["DOTNET_EnableWriteXorExecute"] = "0",
    };

    /// <summary>Samples <paramref name="processId"/> for <paramref name="duration"/>; returns the report's path, or null without a profiler.</summary>
    public static async Task<string?> CollectAsync(string directory, string name, int processId, TimeSpan duration)
    {
        Directory.CreateDirectory(directory);
        var report = Path.Combine(directory, name + ".top.txt");
        var seconds = (int)Math.Ceiling(duration.TotalSeconds);
        string text;
        if (Find("perf") is { } perf && await CanUsePerfAsync(perf))
        {
            var data = Path.Combine(directory, name + ".perf.data");
            await RunAsync(perf, ["record", "-F", "499", "-g", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", data, "--", "sleep",
                seconds.ToString(CultureInfo.InvariantCulture)]);
            var self = await RunAsync(perf, ["report", "-i", data, "--stdio", "--no-children", "--sort", "symbol", "-g", "none", "--percent-limit", "0.4"]);
            var inclusive = await RunAsync(perf, ["report", "-i", data, "--stdio", "--children", "--sort", "symbol", "-g", "none", "--percent-limit", "2"]);
            text = $"# {name}: perf, CPU samples of process {processId} for {seconds} s, by self time\n{Trim(self)}\n# {name}: by inclusive time\n{Trim(inclusive)}";
        }
        else if (Find("dotnet-trace") is { } trace)
        {
            var file = Path.Combine(directory, name + ".nettrace");
            await RunAsync(trace, ["collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
                "--duration", TimeSpan.FromSeconds(seconds).ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture), "-o", file]);
            var inclusive = await RunAsync(trace, ["report", file, "topN", "-n", TopMethods.ToString(CultureInfo.InvariantCulture), "--inclusive"]);
            var exclusive = await RunAsync(trace, ["report", file, "topN", "-n", TopMethods.ToString(CultureInfo.InvariantCulture)]);
            text = $"# {name}: dotnet-trace thread-time samples (waiting threads included), inclusive\n{inclusive}\n# exclusive\n{exclusive}";
        }
        else
        {
            Console.WriteLine("  --profile: neither perf nor dotnet-trace (dotnet tool install -g dotnet-trace) is installed; not profiled");
            return null;
        }
        await File.WriteAllTextAsync(report, text);
        Console.WriteLine($"  profile: top methods in {report}");
        return report;
    }

    /// <summary>
    /// A heap dump of the live objects (<c>dotnet-gcdump</c>, which makes the process run a full collection first), its
    /// types by size written next to it: what stays in memory, as opposed to what a working set also holds.
    /// </summary>
    /// <returns>The live heap's bytes as the dump counts them, or null without the tool.</returns>
    public static async Task<long?> HeapDumpAsync(string directory, string name, int processId)
    {
        if (Find("dotnet-gcdump") is not { } tool)
        {
            Console.WriteLine("  --profile: dotnet-gcdump is not installed (dotnet tool install -g dotnet-gcdump); no heap dump");
            return null;
        }
        Directory.CreateDirectory(directory);
        var dump = Path.Combine(directory, name + ".gcdump");
        await RunAsync(tool, ["collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", dump]);
        var report = Path.Combine(directory, name + ".heap.txt");
        var text = await RunAsync(tool, ["report", dump]);
        await File.WriteAllTextAsync(report, string.Join('\n', text.Split('\n').Take(40)));
        Console.WriteLine($"  heap: live objects by type in {report}");
        // The report's first line: "     19,799,471  GC Heap bytes".
        var first = text.Split('\n').FirstOrDefault(line => line.Contains("GC Heap bytes", StringComparison.Ordinal)) ?? "";
        return long.TryParse(first.Replace("GC Heap bytes", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim(),
            NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
    }

    /// <summary>perf report's header lines (#) and blank lines go; the rows stay.</summary>
    private static string Trim(string report) =>
        string.Join('\n', report.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')));

    private static async Task<bool> CanUsePerfAsync(string perf)
    {
        try
        {
            await RunAsync(perf, ["stat", "-e", "task-clock", "--", "true"]);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A tool on the path, or a .NET global tool.</summary>
    private static string? Find(string name)
    {
        var file = OperatingSystem.IsWindows() ? name + ".exe" : name;
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"));
        return folders.Select(folder => Path.Combine(folder, file)).FirstOrDefault(File.Exists);
    }

    private static async Task<string> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', info.ArgumentList)} ended with {process.ExitCode}: {await errors}");
        }
        return await output;
    }
}
