using Hall.QueueService.HallSetup;
using Hall.TestSupport;

namespace Hall.QueueService.Tests.Infrastructure;

/// <summary>The demo hall as a real hall would secure it: device keys required, statistics for staff only.</summary>
public static class SecuredHall
{
    public const string Kiosk1Key = DemoCredentials.Kiosk1Key;
    public const string Kiosk2Key = DemoCredentials.Kiosk2Key;
    public const string BoardKey = DemoCredentials.BoardKey;
    public const string Evaluator1Key = DemoCredentials.Evaluator1Key;

    /// <summary>Settings for <see cref="HallServerFactory"/> that load the secured hall file, changed as the test needs.</summary>
    public static Dictionary<string, string?> Settings(Func<HallDefinition, HallDefinition>? change = null)
    {
        var demo = HallFileLoader.LoadDemoHall();
        var hall = demo with { Security = demo.Security with { DeviceKeys = DeviceKeyPolicy.Required, Statistics = StatisticsAccess.Staff } };
        hall = change?.Invoke(hall) ?? hall;
        var file = Path.Combine(TestPaths.NewTempDirectory("secured-hall"), "hall.json");
        File.WriteAllText(file, HallFileLoader.Serialize(hall));
        return new() { ["Queue:HallFile"] = file };
    }

    public static HttpClient WithDeviceKey(this HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Add("X-Device-Key", key);
        return client;
    }
}
