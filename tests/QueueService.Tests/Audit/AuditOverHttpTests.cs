using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Hall.QueueService.Audit;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Microsoft.Data.Sqlite;

namespace Hall.QueueService.Tests.Audit;

/// <summary>
/// The audit check as an auditor meets it: the real server over HTTP (administrator only), and a backup checked with
/// the <c>verify-audit</c> command and the hall's key file, without starting the server.
/// </summary>
public sealed class AuditOverHttpTests
{
    [Fact]
    public async Task Verify_needs_the_administrator_and_a_restored_backup_verifies_with_the_same_key_file_until_someone_edits_it()
    {
        var live = TestPaths.NewTempDirectory("audit-live");
        var keyFile = Path.Combine(TestPaths.NewTempDirectory("audit-key"), "hall-audit.key");
        await File.WriteAllBytesAsync(keyFile, RandomNumberGenerator.GetBytes(32));
        var backupFile = Path.Combine(TestPaths.NewTempDirectory("audit-backup"), "queue-backup.db");
        await using (var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + live, "--Audit:KeyFile=" + keyFile]))
        {
            using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
            await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })));

            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/admin/audit/verify")).StatusCode);
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/admin/audit/verify");
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:not-the-password"u8.ToArray()));
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
            var result = await AuditDatabase.VerifyAsync(Admin.AdminClients.WithAdmin(http));
            Assert.Equal(new AuditVerification(true, 10, null), result);
            // The key is the configured file: none is made next to the database.
            Assert.False(File.Exists(Path.Combine(live, AuditKey.DefaultFileName)));

            var (code, output) = await RunAsync("backup", "--Queue:DataDirectory=" + live, "--to", backupFile);
            Assert.True(code == 0, output);
        }

        var restored = TestPaths.NewTempDirectory("audit-restored");
        Assert.Equal(0, (await RunAsync("restore", "--Queue:DataDirectory=" + restored, "--from", backupFile)).Code);
        var (okCode, okOutput) = await RunAsync(VerifyAuditCommand.Name, "--Queue:DataDirectory=" + restored, "--Audit:KeyFile=" + keyFile);
        Assert.True(okCode == 0, okOutput);
        Assert.Contains("10 events", okOutput, StringComparison.Ordinal);

        // Without the key there is nothing to check with; with another key nothing fits.
        var (noKeyCode, noKeyOutput) = await RunAsync(VerifyAuditCommand.Name, "--Queue:DataDirectory=" + restored);
        Assert.Equal(1, noKeyCode);
        Assert.Contains("Audit:KeyFile", noKeyOutput, StringComparison.Ordinal);
        var otherKey = Path.Combine(TestPaths.NewTempDirectory("audit-other-key"), "other.key");
        await File.WriteAllBytesAsync(otherKey, RandomNumberGenerator.GetBytes(32));
        Assert.Equal(2, (await RunAsync(VerifyAuditCommand.Name, "--Queue:DataDirectory=" + restored, "--Audit:KeyFile=" + otherKey)).Code);

        // Someone edits the copy with plain SQL: the command names the row.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(restored, "queue.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE events SET detail = 'priority=green' WHERE id = 4";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var (badCode, badOutput) = await RunAsync(VerifyAuditCommand.Name, "--Queue:DataDirectory=" + restored, "--Audit:KeyFile=" + keyFile);
        Assert.Equal(2, badCode);
        Assert.Contains("event 4 is the first", badOutput, StringComparison.Ordinal);
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, "QueueService", "bin", Configuration, "net10.0", "QueueService.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await stdout + await stderr);
    }
}
