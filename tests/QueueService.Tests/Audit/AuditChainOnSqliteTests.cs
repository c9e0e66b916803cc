using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.Audit;

public sealed class AuditChainOnSqliteTests() : AuditChainScenarios(HallDatabase.Sqlite);
