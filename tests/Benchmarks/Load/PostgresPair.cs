using Hall.Benchmarks.Hosting;
using Hall.Benchmarks.Report;
using Hall.TestSupport.Postgres;

namespace Hall.Benchmarks.Load;

/// <summary>
/// Issuing and call to board on PostgreSQL with two server instances on one database, as a hall that outgrows one
/// server runs: the kiosks split between the instances, the displays too, and a call made on the first reaches the
/// second's displays through the database's notifications. A temporary cluster of the machine's PostgreSQL
/// (<see cref="PostgresServer"/>) on the same cores as everything else.
/// </summary>
public static class PostgresPair
{
    public sealed record Result(double IssuePerSecond, double IssueP99Ms, double IssueServerCpuMsPerTicket, int IssueRefusals,
        double CallToBoardP50Ms, double CallToBoardP99Ms, int CallToBoardMissed, double CallServerCpuMsPerCall);

    public static async Task<Result> RunAsync(string hallFile, IReadOnlyList<int> serviceIds, int kiosks, TimeSpan warmUp, TimeSpan duration,
        int displays, int calls, TimeSpan spacing)
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            IssueLoad.Result first, second;
            double cpuPerTicket;
            var issuing = await postgres.CreateDatabaseAsync("bench-issue");
            await using (var a = await StartAsync(issuing, hallFile))
            await using (var b = await StartAsync(issuing, hallFile))
            {
                TimeSpan Cpu() => a.CpuTime + b.CpuTime;
                var loads = new[] { a, b }.Select(server =>
                    IssueLoad.RunAsync(server.BaseUrl, kiosks / 2, serviceIds, warmUp, duration, Cpu)).ToArray();
                var results = await Task.WhenAll(loads);
                (first, second) = (results[0], results[1]);
                // Each load measured both servers' CPU over (nearly) the same window, per its own tickets: per ticket of both.
                cpuPerTicket = first.ServerCpuMsPerTicket * first.Issued / Math.Max(1, first.Issued + second.Issued);
            }

            CallToBoard.Result call;
            var calling = await postgres.CreateDatabaseAsync("bench-call");
            await using (var a = await StartAsync(calling, hallFile: null))
            await using (var b = await StartAsync(calling, hallFile: null))
            {
                call = await CallToBoard.RunAsync(a.BaseUrl, displays, calls, spacing, () => a.CpuTime + b.CpuTime, [a.BaseUrl, b.BaseUrl]);
            }
            return new Result(first.ThroughputPerSecond + second.ThroughputPerSecond, Math.Max(first.Latency.P99Ms, second.Latency.P99Ms), cpuPerTicket,
                first.Refusals.Values.Sum() + second.Refusals.Values.Sum(),
                call.ToBoard.P50Ms, call.ToBoard.P99Ms, call.Missed, call.ServerCpuMsPerCall);
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static Task<ChildHost> StartAsync(string connectionString, string? hallFile) =>
        ChildHost.StartQueueServiceAsync(RepositoryPaths.NewTempDirectory("pg"), hallFile,
            more: ["--Queue:Database=postgres", "--ConnectionStrings:Queue=" + connectionString, "--RateLimits:HubNegotiationsPerMinute=100000"]);
}
