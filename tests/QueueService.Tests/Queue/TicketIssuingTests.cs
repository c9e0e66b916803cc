using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Queue;

public abstract class TicketIssuingTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: hallDatabase);

    [Fact]
    public async Task Forty_kiosks_at_once_get_A001_to_A040_without_gaps_and_the_first_call_is_A001()
    {
        // One server, started before the kiosks rush in: the factory itself is not made to start concurrently.
        _ = _hall.Server;
        var tickets = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => _hall.IssueAsync(1))));

        var numbers = tickets.Select(t => t.Number).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"A{n:D3}"), numbers);
        Assert.Equal(40, tickets.Select(t => t.Id).Distinct().Count());

        var clerk = await _hall.LoginAsync(1, "1001");
        Assert.Equal("A001", await clerk.CallNextNumberAsync(1));
    }

    [Fact]
    public async Task A_ticket_answers_with_everything_the_kiosk_prints()
    {
        await _hall.IssueAsync(1);
        var ticket = await _hall.IssueAsync(1);

        Assert.Equal("A002", ticket.Number);
        Assert.Equal("企业开办", ticket.ServiceName);
        Assert.Equal(TicketStatus.Waiting, ticket.Status);
        Assert.Equal(1, ticket.Ahead);
        Assert.True(ticket.EstimatedWaitMinutes > 0);
        Assert.Equal(HallServerFactory.Start, ticket.IssuedAt);
        Assert.Equal(TimeSpan.FromHours(8), ticket.IssuedAt.Offset);
        Assert.Contains("/t/" + ticket.Id + "?k=", ticket.TrackingUrl, StringComparison.Ordinal);
        Assert.Contains(1, ticket.WindowNumbers);
        Assert.Contains(2, ticket.WindowNumbers);
        Assert.NotEmpty(ticket.Materials);
        Assert.Equal("示范县政务服务中心", ticket.HallName);

        var view = await _hall.CreateClient().GetFromJsonAsync<TicketView>($"/api/tickets/{ticket.Id}", Json.Options);
        Assert.Equal("A002", view!.Number);
        Assert.Equal(1, view.Ahead);
        Assert.Null(view.Rating);
    }

    [Fact]
    public async Task Numbers_are_counted_per_service()
    {
        Assert.Equal("A001", (await _hall.IssueAsync(1)).Number);
        Assert.Equal("B001", (await _hall.IssueAsync(2)).Number);
        Assert.Equal("A002", (await _hall.IssueAsync(1)).Number);
        Assert.Equal("C001", (await _hall.IssueAsync(3)).Number);
    }

    [Fact]
    public async Task Numbers_restart_at_local_midnight_in_the_hall_time_zone()
    {
        Assert.Equal("A001", (await _hall.IssueAsync(1)).Number);
        Assert.Equal("A002", (await _hall.IssueAsync(1)).Number);

        // 23:59 Shanghai is 15:59 UTC: still the same hall day.
        _hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 23, 59, 0, TimeSpan.FromHours(8)));
        Assert.Equal("A003", (await _hall.IssueAsync(1)).Number);

        _hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 0, 0, 30, TimeSpan.FromHours(8)));
        Assert.Equal("A001", (await _hall.IssueAsync(1)).Number);
    }

    [Fact]
    public async Task Unknown_service_and_bad_input_are_answered_with_problem_details()
    {
        var client = _hall.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/tickets", new { serviceId = 99 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("99", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var missing = await client.PostAsJsonAsync("/api/tickets", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        var badPriority = await client.PostAsJsonAsync("/api/tickets", new { serviceId = 1, priority = "vip" });
        Assert.Equal(HttpStatusCode.BadRequest, badPriority.StatusCode);

        var malformed = await client.PostAsync("/api/tickets", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType!.MediaType);

        var unknownTicket = await client.GetAsync($"/api/tickets/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknownTicket.StatusCode);
    }

    [Fact]
    public async Task An_id_number_is_masked_and_one_citizen_holds_one_waiting_ticket_per_service()
    {
        const string id = "11010519491231002X";
        var first = await _hall.IssueAsync(1, idNumber: id);
        Assert.Equal("**************002X", first.MaskedIdNumber);

        var again = await _hall.CreateClient().PostAsJsonAsync("/api/tickets", new { serviceId = 1, idNumber = id });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicateTicket", problem.GetProperty("code").GetString());
        Assert.Equal(first.Number, problem.GetProperty("ticket").GetProperty("number").GetString());

        // Another service is fine; a wrong check digit is refused.
        Assert.Equal("B001", (await _hall.IssueAsync(2, idNumber: id)).Number);
        var invalid = await _hall.CreateClient().PostAsJsonAsync("/api/tickets", new { serviceId = 1, idNumber = "110105194912310021" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        // The number itself is stored nowhere in clear.
        Assert.DoesNotContain(id, await _hall.StoredTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_green_channel_needs_a_staff_code_and_pin()
    {
        var refused = await _hall.CreateClient().PostAsJsonAsync("/api/tickets", new { serviceId = 1, priority = "green" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var green = await _hall.IssueAsync(1, priority: "green", staffCode: "1001");
        Assert.Equal(TicketPriority.Green, green.Priority);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_gets_the_same_ticket_not_a_second_one()
    {
        var client = _hall.CreateClient();
        async Task<IssuedTicket> TakeAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new { serviceId = 1 }) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!;
        }

        var first = await TakeAsync("kiosk-1:7f3c");
        var retried = await TakeAsync("kiosk-1:7f3c");
        var other = await TakeAsync("kiosk-1:9a01");

        Assert.Equal(first.Id, retried.Id);
        Assert.Equal("A001", retried.Number);
        Assert.Equal("A002", other.Number);
    }

    public void Dispose() => _hall.Dispose();
}

public sealed class TicketIssuingOnSqliteTests() : TicketIssuingTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class TicketIssuingOnPostgresTests(PostgresServer postgres) : TicketIssuingTests(HallDatabase.Postgres(postgres));
