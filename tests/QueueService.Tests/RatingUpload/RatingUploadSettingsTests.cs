using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.RatingUpload;

/// <summary>The real server process refuses an invalid upload address at start, with a message naming the setting.</summary>
public sealed class RatingUploadSettingsTests
{
    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://province.example/ratings")]
    public async Task An_invalid_upload_url_stops_start_up_naming_the_setting(string value)
    {
        var data = TestPaths.NewTempDirectory("rating-upload-settings");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + data, "--Ratings:UploadUrl=" + value]));
        Assert.Contains("QueueService cannot start", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ratings:UploadUrl", error.Message, StringComparison.Ordinal);
    }
}
