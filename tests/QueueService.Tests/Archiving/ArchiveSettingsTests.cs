using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Archiving;

/// <summary>The real server process refuses an invalid archive setting at start, with a message naming it.</summary>
public sealed class ArchiveSettingsTests
{
    [Theory]
    [InlineData("Queue:ArchiveAfterDays", "-1")]
    [InlineData("Queue:ArchiveCheckMinutes", "0")]
    public async Task An_invalid_archive_setting_stops_start_up_naming_it(string key, string value)
    {
        var data = TestPaths.NewTempDirectory("archive-settings");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + data, $"--{key}={value}"]));
        Assert.Contains("exited with code 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("QueueService cannot start", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
