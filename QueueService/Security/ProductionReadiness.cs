using System.Text.Json;
using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Security;

/// <summary>Production refuses to start on demo secrets; every problem names the setting to fix.</summary>
public sealed class ProductionNotReadyException(IReadOnlyList<string> problems)
    : Exception("not safe for Production (ASPNETCORE_ENVIRONMENT=Production):\n  " + string.Join("\n  ", problems));

/// <summary>
/// The checks of Production mode (see the contract's "Production mode"): the settings before anything is opened, then
/// the hall once it is loaded. Demo PINs and keys are found by trying them, as an attacker would.
/// </summary>
public static class ProductionReadiness
{
    public const string IdKeyFileSetting = Privacy.PrivacyOptions.IdKeyFileSetting;
    public const int MinimumKeyBytes = SecretKeyFile.MinimumBytes;

    /// <summary>The PINs the demo hall and the README give every clerk and the supervisor.</summary>
    private static readonly string[] DemoPins = ["1234"];

    public static void CheckSettings(IConfiguration configuration)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration["Admin:PasswordHash"]))
        {
            problems.Add("Admin:PasswordHash is not set: make one with `dotnet QueueService.dll hash-password` (Admin:Password and the demo password are refused).");
        }
        if (configuration.GetValue<bool>(ProductionMode.DemoHallSetting))
        {
            problems.Add($"{ProductionMode.DemoHallSetting}=true: the demo hall is never loaded in Production; give Queue:HallFile.");
        }
        var keyFile = configuration[IdKeyFileSetting];
        if (string.IsNullOrWhiteSpace(keyFile))
        {
            problems.Add($"{IdKeyFileSetting} is not set: name a file of at least {MinimumKeyBytes} random bytes kept outside the database and its backups (e.g. `head -c 32 /dev/urandom > idkey.bin`).");
        }
        else if (!File.Exists(keyFile))
        {
            problems.Add($"{IdKeyFileSetting}: the file '{keyFile}' does not exist.");
        }
        else if (new FileInfo(keyFile).Length < MinimumKeyBytes)
        {
            problems.Add($"{IdKeyFileSetting}: the file '{keyFile}' holds fewer than {MinimumKeyBytes} bytes.");
        }
        if (Notify.SmsOptions.Problem(configuration.GetSection(Notify.SmsOptions.Section).Get<Notify.SmsOptions>() ?? new(), production: true) is { } sms)
        {
            problems.Add(sms);
        }
        if (configuration["Uplink:Url"] is { Length: > 0 } uplink && !uplink.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Uplink:Url must be https in Production (the hall's key travels with every batch).");
        }
        if (problems.Count > 0)
        {
            throw new ProductionNotReadyException(problems);
        }
    }

    /// <summary>The loaded hall: keys required, no demo PIN, no demo device key, plain PINs in the hall file by the rules.</summary>
    public static async Task CheckHallAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var definition = services.GetRequiredService<HallCatalogHolder>().Current.Definition;
        var problems = new List<string>();
        if (definition.Security.DeviceKeys != DeviceKeyPolicy.Required)
        {
            problems.Add("security.deviceKeys (hall file) must be \"required\" in Production.");
        }
        foreach (var clerk in definition.Clerks)
        {
            if (clerk.PinHash is { } hash && DemoPins.Any(pin => PinHasher.Verify(pin, hash)))
            {
                problems.Add($"clerks[{clerk.StaffCode}].pin (hall file): {clerk.StaffCode} still has the demo PIN; set a PIN or pinHash of your own.");
            }
        }
        if (configuration["Queue:HallFile"] is { Length: > 0 } path && File.Exists(path))
        {
            problems.AddRange(PlainPinProblems(await File.ReadAllTextAsync(path, cancellationToken)));
        }
        var keys = services.GetRequiredService<DeviceKeyStore>();
        foreach (var demoKey in DemoDeviceKeys())
        {
            if (await keys.VerifyAsync(demoKey, cancellationToken) is { } device)
            {
                problems.Add($"devices[{device.Id}].key (hall file): the demo device key is in use; issue a new key (POST /api/admin/devices/{device.Id}/key) and remove it from the file.");
            }
        }
        if (problems.Count > 0)
        {
            throw new ProductionNotReadyException(problems);
        }
    }

    /// <summary>Plain PINs a hall file carries, checked by the Production rules before they are hashed.</summary>
    private static IEnumerable<string> PlainPinProblems(string json)
    {
        HallDefinition? raw;
        try
        {
            raw = JsonSerializer.Deserialize<HallDefinition>(json, HallFileLoader.JsonOptions);
        }
        catch (JsonException)
        {
            yield break;   // the loader has already said what is wrong with the file
        }
        foreach (var clerk in raw?.Clerks ?? [])
        {
            if (clerk.Pin is { } pin && PinPolicy.Problem(clerk.StaffCode, pin, production: true) is { } problem)
            {
                yield return $"clerks[{clerk.StaffCode}].pin (hall file): {problem}";
            }
        }
    }

    private static IEnumerable<string> DemoDeviceKeys() =>
        HallFileLoader.LoadDemoHall().Devices.Select(d => d.Key).OfType<string>();
}
