using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.Archiving;

/// <summary>Statistics across an archive run on the embedded SQLite file (a deferred read transaction in WAL mode).</summary>
public sealed class StatisticsDuringArchiveOnSqliteTests : StatisticsDuringArchiveScenarios
{
    protected override Task<HallServerFactory> NewHallAsync(Dictionary<string, string?> settings) => Task.FromResult(new HallServerFactory(settings));
}
