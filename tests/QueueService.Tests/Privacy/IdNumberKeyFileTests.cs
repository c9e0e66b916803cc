using System.Security.Cryptography;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Privacy;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Hall.QueueService.Tests.Infrastructure;
using Hall.QueueService.Tests.Security.Production;
using Hall.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Privacy;

/// <summary>
/// The key that hashes ID numbers lives in <c>Privacy:IdKeyFile</c>, outside the database, so a copy of the database
/// or a backup cannot be used to test whether an ID number is in it.
/// </summary>
public sealed class IdNumberKeyFileTests
{
    private const string IdNumber = "11010519491231002X";

    private static async Task<string?> StoredHashAsync(HallServerFactory hall)
    {
        await using var connection = await hall.Services.GetRequiredService<QueueDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT id_hash FROM tickets WHERE id_hash IS NOT NULL");
    }

    private static async Task<long> KeysInDatabaseAsync(HallServerFactory hall)
    {
        await using var connection = await hall.Services.GetRequiredService<QueueDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM settings WHERE name = 'idNumberKey'");
    }

    [Fact]
    public async Task ID_numbers_are_hashed_with_the_configured_key_file_and_the_database_holds_no_key()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var keyFile = Path.Combine(TestPaths.NewTempDirectory("id-key"), "idkey.bin");
        await File.WriteAllBytesAsync(keyFile, key);
        using var hall = new HallServerFactory(new() { ["Privacy:IdKeyFile"] = keyFile });

        await hall.IssueAsync(7, idNumber: IdNumber.ToLowerInvariant());   // 户政业务 takes the ID number

        Assert.Equal(IdNumbers.Hash(IdNumber, key), await StoredHashAsync(hall));
        Assert.Equal(0, await KeysInDatabaseAsync(hall));
        Assert.DoesNotContain(Convert.ToBase64String(key), await hall.StoredTextAsync(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(hall.DataDirectory, PrivacyOptions.DefaultIdKeyFileName)));
    }

    [Fact]
    public async Task Without_a_setting_a_key_file_readable_only_by_the_service_is_made_in_the_data_directory()
    {
        using var hall = new HallServerFactory();
        await hall.IssueAsync(7, idNumber: IdNumber);

        var keyFile = Path.Combine(hall.DataDirectory, PrivacyOptions.DefaultIdKeyFileName);
        var key = await File.ReadAllBytesAsync(keyFile);
        Assert.Equal(32, key.Length);
        Assert.Equal(IdNumbers.Hash(IdNumber, key), await StoredHashAsync(hall));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public async Task A_key_the_first_version_kept_in_the_database_moves_to_the_file_and_leaves_the_database()
    {
        using var hall = new HallServerFactory();
        await hall.IssueAsync(1);
        var database = hall.Services.GetRequiredService<QueueDatabase>();
        var hallId = hall.Services.GetRequiredService<HallCatalogHolder>().Current.HallId;
        var legacy = RandomNumberGenerator.GetBytes(32);
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO settings (hall_id, name, value) VALUES (@hallId, 'idNumberKey', @value)",
                new { hallId, value = Convert.ToBase64String(legacy) });
        }
        File.Delete(Path.Combine(hall.DataDirectory, PrivacyOptions.DefaultIdKeyFileName));

        var secrets = hall.Services.GetRequiredService<HallSecrets>();
        await secrets.LoadAsync(database, hallId, CancellationToken.None);

        Assert.Equal(legacy, secrets.IdNumberKey);
        Assert.Equal(legacy, await File.ReadAllBytesAsync(Path.Combine(hall.DataDirectory, PrivacyOptions.DefaultIdKeyFileName)));
        Assert.Equal(0, await KeysInDatabaseAsync(hall));
    }

    [Fact]
    public async Task A_key_file_too_short_stops_start_up_naming_the_setting()
    {
        var directory = TestPaths.NewTempDirectory("id-key");
        var keyFile = Path.Combine(directory, "short.bin");
        await File.WriteAllBytesAsync(keyFile, RandomNumberGenerator.GetBytes(16));

        var (code, output, error) = await ProductionHall.RunAsync(null,
            "--urls=http://127.0.0.1:0", "--Queue:DataDirectory=" + Path.Combine(directory, "data"), "--Privacy:IdKeyFile=" + keyFile);

        Assert.NotEqual(0, code);
        Assert.Contains($"Privacy:IdKeyFile: the key file {keyFile} holds 16 bytes", output + error, StringComparison.Ordinal);
    }
}
