using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hall.Benchmarks.Load;

namespace Hall.Benchmarks;

/// <summary><c>--abuse</c>: the flood of the anonymous endpoints (<see cref="AbuseFlood"/>), printed and written to <c>--out</c>.</summary>
public static class AbuseRun
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        AbuseFlood.Result result;
        try
        {
            Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] abuse flood: {options.FloodAddresses} addresses, 10 kiosks, {options.IssueDuration.TotalSeconds:0} s alone then with the flood");
            result = await AbuseFlood.RunAsync(options.FloodAddresses, kiosks: 10, options.IssueDuration);
        }
        finally
        {
            Hosting.RepositoryPaths.DeleteTempDirectories();
        }
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"kiosks alone:      {result.KioskIssuePerSecondAlone:0} tickets/s, p99 {result.KioskIssueP99MsAlone:0.0} ms"));
        Console.WriteLine(string.Create(c, $"kiosks with flood: {result.KioskIssuePerSecondUnderFlood:0} tickets/s, p99 {result.KioskIssueP99MsUnderFlood:0.0} ms, refusals: {Join(result.KioskRefusalsUnderFlood)}"));
        Console.WriteLine(string.Create(c, $"flood: {result.FloodRequestsPerSecond:0} requests/s from {result.Addresses} addresses"));
        foreach (var (endpoint, f) in result.Flood)
        {
            Console.WriteLine(string.Create(c, $"  {endpoint,-15} sent {f.Sent,7}, accepted {f.Accepted,5}, 429: {Join(f.Refused)}; other: {Join(f.Other)}"));
        }
        Console.WriteLine("server's own counters (GET /api/supervision/limits): " + result.ServerLimits.GetProperty("refused").GetRawText());
        if (options.OutFile is { } outFile)
        {
            var json = JsonSerializer.Serialize(result, JsonOptions);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
            await File.WriteAllTextAsync(outFile, json);
            Console.WriteLine($"Figures written to {Path.GetFullPath(outFile)}");
        }
        return 0;
    }

    private static string Join(Dictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(r => $"{r.Key}: {r.Value}"));
}
