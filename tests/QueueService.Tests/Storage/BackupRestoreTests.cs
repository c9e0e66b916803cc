using System.Diagnostics;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Storage;

/// <summary>The backup command copies the embedded database while the server runs; restore brings the copy back.</summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_taken_while_the_server_runs_restores_every_ticket_and_numbering_goes_on()
    {
        var live = TestPaths.NewTempDirectory("live");
        var backupFile = Path.Combine(TestPaths.NewTempDirectory("backup"), "queue-backup.db");
        List<IssuedTicket> issued;
        await using (var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + live]))
        {
            using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.PostAsJsonAsync("/api/tickets", new { serviceId = 3 })));
            issued = [.. (await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options)))).Select(t => t!)];

            // Kiosks keep issuing during the backup: the copy is one consistent snapshot all the same.
            var during = Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.PostAsJsonAsync("/api/tickets", new { serviceId = 4 })));
            var (code, output) = await RunCommandAsync("backup", "--Queue:DataDirectory=" + live, "--to", backupFile);
            Assert.True(code == 0, output);
            await during;
        }

        var (failedCode, failedOutput) = await RunCommandAsync("backup", "--Queue:DataDirectory=" + live, "--to", backupFile);
        Assert.Equal(1, failedCode);
        Assert.Contains("exists already", failedOutput, StringComparison.Ordinal);

        var restored = TestPaths.NewTempDirectory("restored");
        var (restoreCode, restoreOutput) = await RunCommandAsync("restore", "--Queue:DataDirectory=" + restored, "--from", backupFile);
        Assert.True(restoreCode == 0, restoreOutput);
        await using var again = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + restored]);
        using var client = new HttpClient { BaseAddress = new Uri(again.BaseUrl) };
        foreach (var ticket in issued)
        {
            Assert.Equal(ticket.Number, (await client.GetFromJsonAsync<TicketView>($"/api/tickets/{ticket.Id}", Json.Options))!.Number);
        }
        var next = await (await client.PostAsJsonAsync("/api/tickets", new { serviceId = 3 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        Assert.Equal("C021", next!.Number);
    }

    private static async Task<(int Code, string Output)> RunCommandAsync(params string[] arguments)
    {
        #if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var dll = Path.Combine(TestPaths.RepositoryRoot, "QueueService", "bin", configuration, "net10.0", "QueueService.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TestTimeouts.Run);
        return (process.ExitCode, await stdout + await stderr);
    }
}
