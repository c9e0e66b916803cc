using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.KioskApp.Tests.Support;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Xunit;

namespace Hall.KioskApp.Tests.Acceptance;

/// <summary>A hall that requires device keys: the kiosk with its key (<c>Kiosk:DeviceKey</c>) issues, one without is refused with the server's reason.</summary>
public sealed class DeviceKeyTests
{
    [Fact]
    public async Task A_kiosk_sends_its_device_key_and_one_without_a_key_is_refused_with_the_reason()
    {
        var hallFile = Path.Combine(TestPaths.NewTempDirectory("kiosk-secured-hall"), "hall.json");
        var demo = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "QueueService", "HallSetup", "DemoHall.json"));
        Assert.Contains("\"deviceKeys\": \"optional\"", demo, StringComparison.Ordinal);
        await File.WriteAllTextAsync(hallFile, demo.Replace("\"deviceKeys\": \"optional\"", "\"deviceKeys\": \"required\"", StringComparison.Ordinal));
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("kiosk-secured"), "--Queue:HallFile=" + hallFile]);

        await using var keyed = await Kiosk.StartWithFilePrinterAsync(server.BaseUrl, "--Kiosk:DeviceId=kiosk-1", "--Kiosk:DeviceKey=" + DemoCredentials.Kiosk1Key);
        var taken = await keyed.Http.PostAsJsonAsync("/api/take", new { serviceId = 1 });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var number = (await taken.Content.ReadFromJsonAsync<JsonObject>())!["ticket"]!["number"]!.ToString();
        Assert.True(File.Exists(keyed.TicketFile(number)));

        await using var unkeyed = await Kiosk.StartWithFilePrinterAsync(server.BaseUrl);
        var refused = await unkeyed.Http.PostAsJsonAsync("/api/take", new { serviceId = 1 });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("deviceKeyRequired", problem["code"]?.ToString());
        Assert.Contains("设备密钥", problem["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(unkeyed.PrinterFolder));
    }

    [Fact]
    public async Task A_device_key_that_does_not_belong_to_the_kiosk_stops_start_up_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            Kiosk.StartWithFilePrinterAsync("http://127.0.0.1:9", "--Kiosk:DeviceId=kiosk-1", "--Kiosk:DeviceKey=" + DemoCredentials.Kiosk2Key));
        Assert.Contains("Kiosk:DeviceKey", error.Message, StringComparison.Ordinal);
    }
}
