using Hall.TestSupport;

namespace Hall.QueueService.Tests.Storage;

public sealed class KillUnderLoadTests
{
    [Fact]
    public Task Kill_9_during_a_ticket_load_loses_no_acknowledged_ticket_on_SQLite() =>
        KillUnderLoad.RunAsync(["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("killload")]);
}
