using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Appointments;

/// <summary>网上取号: a number from the phone, only for services the hall allows it for, counted like a kiosk ticket.</summary>
public abstract class RemoteTicketTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _server = new(database: hallDatabase);

    [Fact]
    public async Task A_number_from_the_phone_queues_like_a_kiosk_ticket()
    {
        var client = _server.CreateClient();
        await _server.IssueAsync(1);

        var response = await client.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 1, idNumber = "11010519491231002X" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = (await response.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!;
        Assert.Equal("A002", ticket.Number);
        Assert.Equal(1, ticket.Ahead);
        Assert.Equal("**************002X", ticket.MaskedIdNumber);
        var again = await client.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 1, idNumber = "11010519491231002X" });
        Assert.Equal("duplicateTicket", await again.ProblemCodeAsync());
    }

    [Fact]
    public async Task Services_without_remote_numbers_and_requests_without_an_id_are_refused()
    {
        var client = _server.CreateClient();
        var services = await client.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/remote-tickets/services", Json.Options);
        Assert.DoesNotContain(services!, s => s["id"].ToString() == "7");

        var household = await client.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 7, idNumber = "11010519491231002X" });
        var noId = await client.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 1 });

        Assert.Equal(HttpStatusCode.Conflict, household.StatusCode);
        Assert.Equal("remoteTicketingNotOffered", await household.ProblemCodeAsync());
        Assert.Equal("idNumberRequired", await noId.ProblemCodeAsync());
    }

    public void Dispose() => _server.Dispose();
}

public sealed class RemoteTicketOnSqliteTests() : RemoteTicketTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class RemoteTicketOnPostgresTests(PostgresServer postgres) : RemoteTicketTests(HallDatabase.Postgres(postgres));
