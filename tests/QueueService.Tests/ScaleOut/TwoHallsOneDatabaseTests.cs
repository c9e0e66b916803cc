using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.ScaleOut;

/// <summary>A city's database holds several halls; each server runs the one <c>Queue:HallId</c> names, and the halls never mix.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoHallsOneDatabaseTests(PostgresServer postgres)
{
    [Fact]
    public async Task Two_halls_on_one_database_number_and_store_their_tickets_apart()
    {
        var database = await postgres.CreateDatabaseAsync();
        var demo = HallFileLoader.LoadDemoHall();
        var secondFile = Path.Combine(TestPaths.NewTempDirectory("second-hall"), "hall.json");
        await File.WriteAllTextAsync(secondFile, HallFileLoader.Serialize(demo with { Id = "east-district", Name = "东区政务服务中心" }));
        string[] Postgres(params string[] more) => ["--Queue:Database=postgres", "--ConnectionStrings:Queue=" + database, .. more];

        // The first start of each hall stores it from its hall file.
        await using (await HostProcess.StartAsync("QueueService", FreePort.Next(), Postgres()))
        {
        }
        await using (await HostProcess.StartAsync("QueueService", FreePort.Next(), Postgres("--Queue:HallFile=" + secondFile)))
        {
        }

        // Now the database holds two halls: a server must say which one it runs.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync("QueueService", FreePort.Next(), Postgres(), TestTimeouts.Slow));
        Assert.Contains("Queue:HallId", refused.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync("QueueService", FreePort.Next(), Postgres("--Queue:HallId=nowhere"), TestTimeouts.Slow));
        Assert.Contains("nowhere", unknown.Message, StringComparison.Ordinal);

        await using var county = await HostProcess.StartAsync("QueueService", FreePort.Next(), Postgres("--Queue:HallId=demo"));
        await using var east = await HostProcess.StartAsync("QueueService", FreePort.Next(), Postgres("--Queue:HallId=east-district"));
        using var a = new HttpClient { BaseAddress = new Uri(county.BaseUrl) };
        using var b = new HttpClient { BaseAddress = new Uri(east.BaseUrl) };

        var first = await (await a.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        var second = await (await a.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        var other = await (await b.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        Assert.Equal(("A001", "A002", "A001"), (first!.Number, second!.Number, other!.Number));
        Assert.Equal("东区政务服务中心", (await b.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/hall")).GetProperty("name").GetString());

        // A ticket of one hall is not found at the other, and the other's queue is its own.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await b.GetAsync($"/api/tickets/{first.Id}")).StatusCode);
        var eastServices = await b.GetFromJsonAsync<List<ServiceInfo>>("/api/services", Json.Options);
        Assert.Equal(1, eastServices!.Single(s => s.Id == 1).Waiting);
    }
}
