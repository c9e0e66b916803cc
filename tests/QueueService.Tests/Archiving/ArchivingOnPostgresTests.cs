using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Archiving;

/// <summary>Archiving on a real PostgreSQL server, each test on its own database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ArchivingOnPostgresTests(PostgresServer postgres) : ArchivingScenarios
{
    protected override async Task<HallServerFactory> NewHallAsync(Dictionary<string, string?> settings) => new(new(settings)
    {
        ["Queue:Database"] = "postgres",
        ["ConnectionStrings:Queue"] = await postgres.CreateDatabaseAsync("archive"),
    });
}
