using System.Diagnostics;
using Hall.TestSupport.Processes;
using Npgsql;
using Xunit;

namespace Hall.TestSupport.Postgres;

/// <summary>
/// A real PostgreSQL server for the tests: a temporary cluster (initdb, trust authentication on loopback) on a free
/// port, started with pg_ctl and stopped and deleted on dispose. PostgreSQL refuses to run as root, so when the tests
/// run as root the cluster belongs to the <c>postgres</c> OS user and its commands run through <c>runuser</c>.
/// Use one per test assembly (an xunit collection fixture) and <see cref="CreateDatabaseAsync"/> per test.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string OsUser = "postgres";
    private string? _dataDirectory;
    private string? _binDirectory;

    public int Port { get; private set; }

    /// <summary>Connection string of the maintenance database <c>postgres</c>.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = OsUser, Pooling = true }.ToString();

    public async Task InitializeAsync()
    {
        _binDirectory = FindBinDirectory();
        Port = FreePort.Next();
        // Under /tmp so the postgres user can reach it (the test's own temp folder may sit below root-only folders).
        _dataDirectory = Path.Combine("/tmp", "hall-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dataDirectory);
        if (RunsAsRoot)
        {
            await RunAsync("chown", [OsUser + ":" + OsUser, _dataDirectory], asPostgres: false);
        }
        await RunAsync(Path.Combine(_binDirectory, "initdb"),
            ["-D", _dataDirectory, "-U", OsUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], asPostgres: true);
        // Socket in the data folder (not /var/run/postgresql, which may be missing); TCP on loopback only.
        var options = $"-p {Port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300";
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-o", options, "-w", "-t", "60", "start"], asPostgres: true);
    }

    /// <summary>A new empty database for one test; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "hall")
    {
        var name = prefix + "_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory is null || _binDirectory is null)
        {
            return;
        }
        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true);
        }
        finally
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool RunsAsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin"))
            : [];
        foreach (var bin in candidates.Append("/usr/local/bin").Append("/usr/bin"))
        {
            if (File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            {
                return bin;
            }
        }
        throw new InvalidOperationException("PostgreSQL (initdb, pg_ctl) is not installed: install Debian's postgresql package (deploy/install-prerequisites.sh does).");
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        if (asPostgres && RunsAsRoot)
        {
            info.FileName = "runuser";
            foreach (var a in (string[])["-u", OsUser, "--", program])
            {
                info.ArgumentList.Add(a);
            }
        }
        else
        {
            info.FileName = program;
        }
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }
}
