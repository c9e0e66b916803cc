using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.RatingUpload;

/// <summary>
/// The real hall server process, killed with SIGKILL while the platform refuses its ratings: after the restart on the
/// same data the queued ratings go out, in order, each taken once by its key.
/// </summary>
public abstract class RatingUploadCrashTests(HallDatabase hallDatabase)
{
    [Fact]
    public async Task After_kill_9_the_restarted_server_uploads_every_rating_once_in_order()
    {
        await using var receiver = await RatingReceiver.StartAsync();
        receiver.FailFirstTries = int.MaxValue;
        var dataDirectory = TestPaths.NewTempDirectory("rating-upload-crash");
        using var store = hallDatabase.Create(dataDirectory);
        var port = FreePort.Next();
        string[] arguments = ["--Queue:DataDirectory=" + dataDirectory, "--Ratings:UploadUrl=" + receiver.Url,
            "--Ratings:UploadRetryDelay=00:00:00.200", "--Ratings:UploadMaxRetryDelay=00:00:00.500", "--Ratings:UploadPollInterval=00:00:00.100", .. store.Arguments];
        using var http = new HttpClient();

        await using (var server = await HostProcess.StartAsync("QueueService", port, arguments))
        {
            http.BaseAddress = new Uri(server.BaseUrl);
            var login = await (await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
            using var clerk = new HttpClient { BaseAddress = http.BaseAddress };
            clerk.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
            foreach (var level in new[] { 5, 2 })
            {
                await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
                Assert.True((await clerk.PostAsync("/api/windows/1/call-next", null)).IsSuccessStatusCode);
                Assert.True((await clerk.PostAsync("/api/windows/1/finish", null)).IsSuccessStatusCode);
                Assert.True((await http.PostAsJsonAsync("/api/windows/1/rate", new { level })).IsSuccessStatusCode);
            }
            await Eventually.TrueAsync(() => receiver.Tries.Count >= 3, explain: () => server.Output);
            await server.KillHardAsync();
        }
        Assert.Empty(receiver.Taken);
        Assert.Single(receiver.Tries.Select(t => t.Key).Distinct());   // the second waits behind the first
        receiver.FailFirstTries = 0;

        await using (var restarted = await HostProcess.StartAsync("QueueService", port, arguments))
        {
            await Eventually.TrueAsync(() => receiver.Taken.Select(t => t.Key).Distinct().Count() == 2, explain: () => restarted.Output);
            var taken = receiver.Taken.GroupBy(t => t.Key).Select(g => g.First()).ToList();
            Assert.Equal(["A001", "A002"], taken.Select(t => t.Text("ticketNumber")));
            Assert.Equal(receiver.Tries.First().Key, taken[0].Key);
            Assert.Equal(2, receiver.Taken.Count);
        }
    }
}

public sealed class RatingUploadCrashOnSqliteTests() : RatingUploadCrashTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class RatingUploadCrashOnPostgresTests(PostgresServer postgres) : RatingUploadCrashTests(HallDatabase.Postgres(postgres));
