using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Hall.Benchmarks;
using Hall.Benchmarks.Baseline;
using Hall.Benchmarks.Micro;
using Hall.Benchmarks.Report;

// The same dll, started again as a child process, is the bare hub the call-to-board figure is compared with, and the
// bare endpoint ticket issuing is compared with.
if (BareHubServer.IsRequested(args))
{
    return await BareHubServer.RunAsync(args);
}
if (BareIssueServer.IsRequested(args))
{
    return await BareIssueServer.RunAsync(args);
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
#if DEBUG
Console.WriteLine("Warning: a Debug build; run with -c Release for figures that mean something.");
#endif

if (options.Abuse)
{
    return await AbuseRun.RunAsync(options);
}
if (options.City)
{
    return await CityRun.RunAsync(options);
}

BenchmarkFigures figures;
try
{
    figures = await BenchmarkRun.RunAsync(options);
}
finally
{
    Hall.Benchmarks.Hosting.RepositoryPaths.DeleteTempDirectories();
}
Console.WriteLine();
Console.WriteLine(ResultTable.Render(figures));

if (options.OutFile is { } outFile)
{
    var json = JsonSerializer.Serialize(figures, new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    });
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
    await File.WriteAllTextAsync(outFile, json);
    Console.WriteLine($"Figures written to {Path.GetFullPath(outFile)}");
}

if (options.MicroWithBenchmarkDotNet)
{
    // In process, so that BenchmarkDotNet does not generate and build a second project around this one.
    var config = ManualConfig.CreateMinimumViable()
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "hall-bench", "BenchmarkDotNet.Artifacts"));
    BenchmarkRunner.Run<HallBusCodecBenchmarks>(config);
}
return 0;
