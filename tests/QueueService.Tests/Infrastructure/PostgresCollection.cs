using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Infrastructure;

/// <summary>One real PostgreSQL server for every PostgreSQL test of this assembly; each test makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
