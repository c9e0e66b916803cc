using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hall.Benchmarks.Load;

namespace Hall.Benchmarks;

/// <summary><c>--city</c>: many halls uplinking a day each to one city, then the city's month report (<see cref="CityUplinkLoad"/>).</summary>
public static class CityRun
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        CityUplinkLoad.Result result;
        try
        {
            Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] city: {options.CityHalls} halls × {options.CityTicketsPerHall} tickets a day, uploading to one city on PostgreSQL");
            result = await CityUplinkLoad.RunAsync(options.CityHalls, options.CityTicketsPerHall);
        }
        finally
        {
            Hosting.RepositoryPaths.DeleteTempDirectories();
        }
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"uplink: {result.Events} events of {result.Halls} halls in {result.UploadSeconds:0.0} s: {result.EventsPerSecond:0} events/s, city CPU {result.CityCpuMsPerThousandEvents:0.0} ms per 1 000 events"));
        Console.WriteLine(string.Create(c, $"city month report over {result.ReportRows} halls: {result.MonthReportMs:0} ms median of 3 (first {result.MonthReportFirstMs:0} ms); /api/city/stats {result.CityStatsMs:0} ms"));
        if (options.OutFile is { } outFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
            await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(result, JsonOptions));
            Console.WriteLine($"Figures written to {Path.GetFullPath(outFile)}");
        }
        return 0;
    }
}
