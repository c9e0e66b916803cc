using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class KillUnderLoadOnPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task Kill_9_during_a_ticket_load_loses_no_acknowledged_ticket_on_PostgreSQL() =>
        await KillUnderLoad.RunAsync(["--Queue:Database=postgres", "--ConnectionStrings:Queue=" + await postgres.CreateDatabaseAsync()]);
}
