using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Audit;

[Collection(PostgresCollection.Name)]
public sealed class AuditChainOnPostgresTests(PostgresServer postgres) : AuditChainScenarios(HallDatabase.Postgres(postgres));
