using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Abuse;

/// <summary>Per-address limits at their defaults, tried from outside as a scalper would: the real server over HTTP.</summary>
public abstract class AnonymousLimitTests(HallDatabase hallDatabase)
{
    [Fact]
    public async Task The_eleventh_remote_ticket_from_one_address_in_an_hour_is_429_and_takes_no_number()
    {
        var dataDirectory = TestPaths.NewTempDirectory("abuse");
        using var store = hallDatabase.Create(dataDirectory);
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + dataDirectory, .. store.Arguments]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        for (var i = 0; i < 10; i++)
        {
            var taken = await http.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 1, idNumber = IdNumberMaker.Make(i) });
            Assert.True(taken.StatusCode == HttpStatusCode.Created, await taken.Content.ReadAsStringAsync());
        }
        var refused = await http.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 1, idNumber = IdNumberMaker.Make(10) });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(50), refused.Headers.RetryAfter?.ToString());
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("tooManyRemoteTickets", problem.GetProperty("code").GetString());
        Assert.Contains("分钟", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Nothing was taken: the next kiosk number follows the tenth.
        var kiosk = await (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("A011", kiosk.GetProperty("number").GetString());
    }

    [Fact]
    public async Task The_eleventh_booking_from_one_address_is_429_and_books_nothing()
    {
        using var hall = new HallServerFactory(HallServerFactory.DefaultLimits(), hallDatabase);
        var client = hall.CreateClient();
        var slotStart = HallServerFactory.Start.AddHours(2);
        for (var i = 0; i < 10; i++)
        {
            await client.BookAsync(1, slotStart.AddMinutes(30 * (i / 3)), AppointmentClient.Phone(i));
        }
        var refused = await client.BookRawAsync(1, slotStart.AddHours(3), AppointmentClient.Phone(10));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("tooManyBookings", await refused.ProblemCodeAsync());
        var slot = Assert.Single(await client.SlotsAsync(1, "2026-11-23"), s => s.Start == slotStart.AddHours(3));
        Assert.Equal(slot.Capacity, slot.Remaining);

        // An hour later the address may book again.
        hall.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Created, (await client.BookRawAsync(1, slotStart.AddHours(3), AppointmentClient.Phone(10))).StatusCode);
    }
}

public sealed class AnonymousLimitOnSqliteTests() : AnonymousLimitTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class AnonymousLimitOnPostgresTests(PostgresServer postgres) : AnonymousLimitTests(HallDatabase.Postgres(postgres));
