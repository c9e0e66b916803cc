using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Storage;

/// <summary>The real server process, killed with SIGKILL and started again on the same storage.</summary>
public abstract class CrashRecoveryTests(HallDatabase hallDatabase)
{
    [Fact]
    public async Task After_kill_9_and_a_restart_every_ticket_and_state_is_there_and_numbering_goes_on()
    {
        var dataDirectory = TestPaths.NewTempDirectory("crash");
        using var store = hallDatabase.Create(dataDirectory);
        var port = FreePort.Next();
        string[] arguments = ["--Queue:DataDirectory=" + dataDirectory, .. store.Arguments];
        using var http = new HttpClient();

        List<IssuedTicket> issued;
        string calledId;
        await using (var server = await HostProcess.StartAsync("QueueService", port, arguments))
        {
            http.BaseAddress = new Uri(server.BaseUrl);
            var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })));
            issued = [.. (await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options)))).Select(t => t!)];
            var login = await (await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
            http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
            var call = await (await http.PostAsync("/api/windows/1/call-next", null)).Content.ReadFromJsonAsync<WindowActionResult>(Json.Options);
            calledId = call!.Ticket!.Id.ToString();
            await http.PostAsync("/api/windows/1/start", null);

            await server.KillHardAsync();
        }

        await using (var restarted = await HostProcess.StartAsync("QueueService", port, arguments))
        {
            foreach (var ticket in issued)
            {
                var view = await http.GetFromJsonAsync<TicketView>($"/api/tickets/{ticket.Id}", Json.Options);
                Assert.Equal(ticket.Number, view!.Number);
                Assert.Equal(ticket.Id.ToString() == calledId ? TicketStatus.Serving : TicketStatus.Waiting, view.Status);
            }
            Assert.Equal(Enumerable.Range(1, 40).Select(n => $"A{n:D3}"), issued.Select(t => t.Number).Order(StringComparer.Ordinal));

            var next = await (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
            Assert.Equal("A041", next!.Number);

            // The clerk's login survived too: the window is serving A001 and the same token finishes it.
            var window = await http.GetFromJsonAsync<WindowInfo>("/api/windows/1", Json.Options);
            Assert.Equal(WindowState.Serving, window!.State);
            Assert.Equal("A001", window.CurrentTicket!.Number);
            Assert.True((await http.PostAsync("/api/windows/1/finish", null)).IsSuccessStatusCode);
        }
    }
}

public sealed class CrashRecoveryOnSqliteTests() : CrashRecoveryTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class CrashRecoveryOnPostgresTests(PostgresServer postgres) : CrashRecoveryTests(HallDatabase.Postgres(postgres));
