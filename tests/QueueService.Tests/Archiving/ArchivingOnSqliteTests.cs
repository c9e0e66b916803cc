using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.Archiving;

/// <summary>Archiving on the embedded SQLite file.</summary>
public sealed class ArchivingOnSqliteTests : ArchivingScenarios
{
    protected override Task<HallServerFactory> NewHallAsync(Dictionary<string, string?> settings) => Task.FromResult(new HallServerFactory(settings));
}
