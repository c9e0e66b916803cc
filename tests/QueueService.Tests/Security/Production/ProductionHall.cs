using System.Diagnostics;
using System.Security.Cryptography;
using Hall.QueueService.HallSetup;
using Hall.TestSupport;

namespace Hall.QueueService.Tests.Security.Production;

/// <summary>
/// What an operator gives a production hall: a hall file with PINs of its own, keys required and no demo keys, the
/// administrator's password hash and the ID key file. Each test takes one thing away.
/// </summary>
public sealed class ProductionHall
{
    public const string AdminPassword = "a long production password";
    public const string Pin = "739514";

    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

    public ProductionHall(Func<HallDefinition, HallDefinition>? change = null)
    {
        Directory = TestPaths.NewTempDirectory("production");
        var demo = HallFileLoader.LoadDemoHall();
        var hall = demo with
        {
            Security = demo.Security with { DeviceKeys = DeviceKeyPolicy.Required },
            Clerks = demo.Clerks.Select(c => c with { PinHash = null, Pin = Pin }).ToList(),
            Devices = demo.Devices.Select(d => d with { Key = null }).ToList(),
        };
        hall = change?.Invoke(hall) ?? hall;
        HallFile = Path.Combine(Directory, "hall.json");
        File.WriteAllText(HallFile, HallFileLoader.Serialize(hall));
        IdKeyFile = Path.Combine(Directory, "idkey.bin");
        File.WriteAllBytes(IdKeyFile, RandomNumberGenerator.GetBytes(32));
        Arguments = new Dictionary<string, string>
        {
            ["Queue:DataDirectory"] = Path.Combine(Directory, "data"),
            ["Queue:HallFile"] = HallFile,
            ["Admin:PasswordHash"] = PinHasher.Hash(AdminPassword),
            ["Privacy:IdKeyFile"] = IdKeyFile,
        };
    }

    public string Directory { get; }

    public string HallFile { get; }

    public string IdKeyFile { get; }

    /// <summary>The settings as <c>--Key=value</c> arguments; change or remove entries before starting.</summary>
    public Dictionary<string, string> Arguments { get; }

    public IEnumerable<string> CommandLine => Arguments.Select(a => $"--{a.Key}={a.Value}");

    /// <summary>Runs <c>dotnet QueueService.dll</c> with the arguments (no server start expected) and the given standard input.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string? input, params string[] arguments)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var dll = Path.Combine(TestPaths.RepositoryRoot, "QueueService", "bin", configuration, "net10.0", "QueueService.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TestTimeouts.Run);
        return (process.ExitCode, await stdout, await stderr);
    }
}
