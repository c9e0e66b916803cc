using System.Net.Http.Headers;
using System.Text;

namespace Hall.TestSupport;

/// <summary>
/// The demo hall's secrets as QueueService ships them (Security/AdminOptions.cs, HallSetup/DemoHall.json): one copy
/// for every test, so a changed demo secret is changed here.
/// </summary>
public static class DemoCredentials
{
    public const string AdminUser = "admin";

    /// <summary>The administrator password a Development server accepts when none is configured.</summary>
    public const string AdminPassword = "hall-admin-2026";

    /// <summary>Every demo clerk's PIN, the supervisor's (9001) too.</summary>
    public const string Pin = "1234";

    public const string Kiosk1Key = "kiosk-1.demo-kiosk-1-key";
    public const string Kiosk2Key = "kiosk-2.demo-kiosk-2-key";
    public const string BoardKey = "board-1.demo-board-1-key";
    public const string BusGatewayKey = "bus-1.demo-bus-1-key";
    public const string Evaluator1Key = "rate-1.demo-rate-1-key";

    /// <summary>HTTP Basic for the demo administrator.</summary>
    public static AuthenticationHeaderValue AdminAuthorization =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(AdminUser + ":" + AdminPassword)));

    /// <summary>The secret half of a device key (after <c>id.</c>), which must never be stored or shown.</summary>
    public static string SecretOf(string deviceKey) => deviceKey[(deviceKey.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
