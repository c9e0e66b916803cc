using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Archiving;

/// <summary>Statistics across an archive run on a real PostgreSQL server (a repeatable-read snapshot).</summary>
[Collection(PostgresCollection.Name)]
public sealed class StatisticsDuringArchiveOnPostgresTests(PostgresServer postgres) : StatisticsDuringArchiveScenarios
{
    protected override async Task<HallServerFactory> NewHallAsync(Dictionary<string, string?> settings) => new(new(settings)
    {
        ["Queue:Database"] = "postgres",
        ["ConnectionStrings:Queue"] = await postgres.CreateDatabaseAsync("statsarchive"),
    });
}
