using Hall.QueueService.HallSetup;
using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.HallFiles;

public sealed class HallFileTests
{
    [Fact]
    public void The_demo_hall_is_valid_and_keeps_PINs_only_as_hashes()
    {
        var hall = HallFileLoader.LoadDemoHall();
        Assert.True(hall.Services.Count >= 6);
        Assert.Contains(hall.Services, s => s.Prefix == "A");
        Assert.Contains(hall.Services, s => s.Prefix == "B");
        Assert.Contains(hall.Services, s => s.Prefix == "C");
        Assert.True(hall.Windows.Count >= 6);
        Assert.Equal(hall.Services.Count, hall.Windows.Single(w => w.Number == 1).ServiceIds.Count);
        Assert.All(hall.Clerks, c => Assert.True(PinHasher.IsHash(c.PinHash)));
        // No value is the PIN (the hall's complaint phone 12345 merely contains its digits).
        Assert.DoesNotContain('"' + DemoCredentials.Pin + '"', HallFileLoader.Serialize(HallFileLoader.WithoutSecrets(hall)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"prefix\": \"A\"", "\"prefix\": \"a1\"", "services[0].prefix")]
    [InlineData("\"timeZone\": \"Asia/Shanghai\"", "\"timeZone\": \"Mars/Olympus\"", "timeZone")]
    [InlineData("\"dailyQuota\": 500", "\"dailyQuota\": 5000", "services[0].dailyQuota")]
    [InlineData("\"from\": \"00:00\"", "\"from\": \"25:00\"", "openingHours[0]")]
    [InlineData("\"number\": 1,", "\"number\": \"one\",", "windows[0].number")]
    [InlineData("\"title\": \"窗口负责人\",", "\"title\": \"窗口负责人\", \"photoUrl\": \"http://photos.example/1001.jpg\",", "clerks[0].photoUrl")]
    [InlineData("\"title\": \"窗口负责人\",", "\"title\": \"窗口负责人\", \"photoUrl\": \"//photos.example/1001.jpg\",", "clerks[0].photoUrl")]
    [InlineData("\"title\": \"窗口负责人\",", "\"title\": \"一个远远超过二十个字符长度限制的职务名称用来测试校验\",", "clerks[0].title")]
    public void A_broken_hall_file_is_refused_with_the_bad_field_named(string good, string bad, string field)
    {
        var json = DemoHallJson();
        Assert.Contains(good, json, StringComparison.Ordinal);
        var error = Assert.Throws<HallFileException>(() => HallFileLoader.Parse(ReplaceFirst(json, good, bad), "test"));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clerk_photo_may_be_a_path_on_the_server_or_https()
    {
        foreach (var photo in new[] { "/photos/1001.jpg", "https://photos.example/1001.jpg" })
        {
            var json = ReplaceFirst(DemoHallJson(), "\"title\": \"窗口负责人\",", $"\"title\": \"窗口负责人\", \"photoUrl\": \"{photo}\",");
            var clerk = HallFileLoader.Parse(json, "test").Clerks[0];
            Assert.Equal(("窗口负责人", photo), (clerk.Title, clerk.PhotoUrl));
        }
    }

    [Fact]
    public void A_plain_PIN_in_a_hall_file_is_replaced_by_a_salted_hash()
    {
        var json = System.Text.RegularExpressions.Regex.Replace(DemoHallJson(), "\"pinHash\": \"[^\"]+\"", "\"pin\": \"4321\"");
        var hall = HallFileLoader.Parse(json, "test");
        var clerk = hall.Clerks[0];
        Assert.Null(clerk.Pin);
        Assert.True(PinHasher.Verify("4321", clerk.PinHash!));
        Assert.NotEqual(hall.Clerks[0].PinHash, hall.Clerks[1].PinHash);
    }

    [Fact]
    public async Task The_server_stops_at_start_up_naming_the_bad_field_of_its_hall_file()
    {
        var folder = TestPaths.NewTempDirectory("hallfile");
        var file = Path.Combine(folder, "hall.json");
        await File.WriteAllTextAsync(file, ReplaceFirst(DemoHallJson(), "\"prefix\": \"B\"", "\"prefix\": \"A\""));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + folder, "--Queue:HallFile=" + file], TestTimeouts.Slow));
        Assert.Contains("services[1].prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_setting_stops_start_up_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:Database=oracle"], TestTimeouts.Slow));
        Assert.Contains("Queue:Database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_city_sample_hall_file_is_valid_and_secured()
    {
        var hall = HallFileLoader.LoadFile(Path.Combine(TestPaths.RepositoryRoot, "deploy", "city", "hall.example.json"));
        Assert.Equal(DeviceKeyPolicy.Required, hall.Security.DeviceKeys);
        Assert.Equal(StatisticsAccess.Staff, hall.Security.Statistics);
        Assert.All(hall.Devices, d => Assert.Null(d.Key));
        Assert.Contains(hall.Clerks, c => c.Supervisor);
        Assert.All(hall.Clerks, c => Assert.True(PinHasher.IsHash(c.PinHash)));
    }

    private static string DemoHallJson() =>
        File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "QueueService", "HallSetup", "DemoHall.json"));

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }
}
