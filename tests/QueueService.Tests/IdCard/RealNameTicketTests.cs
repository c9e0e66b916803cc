using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.IdCard;

/// <summary>实名取号: services the hall marks requiresId, and checking in a booking by the ID card's number.</summary>
public abstract class RealNameTicketTests(HallDatabase hallDatabase) : IDisposable
{
    private const string IdNumber = "110101199003074514";
    private readonly HallServerFactory _server = new(database: hallDatabase);

    private static DateTimeOffset At(int hour, int minute = 0) => new(2026, 11, 23, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_requiresId_service_is_marked_and_refuses_a_ticket_without_an_id_number()
    {
        var client = _server.CreateClient();
        var services = await client.GetFromJsonAsync<List<ServiceInfo>>("/api/services", Json.Options);
        Assert.Equal([7], services!.Where(s => s.RequiresId).Select(s => s.Id));
        var hall = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/hall");
        Assert.True(hall!["idKeypadFallback"]!.GetValue<bool>());

        var anonymous = await client.PostAsJsonAsync("/api/tickets", new { serviceId = 7 });
        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
        Assert.Equal("idNumberRequired", await anonymous.ProblemCodeAsync());

        var named = await client.PostAsJsonAsync("/api/tickets", new { serviceId = 7, idNumber = IdNumber });
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        var again = await client.PostAsJsonAsync("/api/tickets", new { serviceId = 7, idNumber = IdNumber });
        Assert.Equal("duplicateTicket", await again.ProblemCodeAsync());
    }

    [Fact]
    public async Task The_booking_made_with_an_id_number_is_checked_in_by_that_number()
    {
        var client = _server.CreateClient();
        await client.BookAsync(3, At(9), AppointmentClient.Phone(1), IdNumber);

        var other = await client.PostAsJsonAsync("/api/tickets", new { idNumber = "310104198506122823", checkInByIdNumber = true });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("noAppointmentForId", await other.ProblemCodeAsync());

        var response = await client.PostAsJsonAsync("/api/tickets", new { idNumber = IdNumber, checkInByIdNumber = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = (await response.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!;
        Assert.Equal(3, ticket.ServiceId);
        Assert.Equal(TicketPriority.Appointment, ticket.Priority);
        Assert.Equal("**************4514", ticket.MaskedIdNumber);

        var twice = await client.PostAsJsonAsync("/api/tickets", new { idNumber = IdNumber, checkInByIdNumber = true });
        Assert.Equal("noAppointmentForId", await twice.ProblemCodeAsync());
    }

    [Fact]
    public void A_hall_without_keypad_fallback_cannot_offer_a_requiresId_service_on_the_phone()
    {
        var demo = HallFileLoader.LoadDemoHall();
        var strict = demo with
        {
            IdKeypadFallback = false,
            Services = [.. demo.Services.Select(s => s.Id == 1 ? s with { RequiresId = true } : s)],
        };
        var error = Assert.Single(HallDefinitionValidator.Validate(strict));
        Assert.StartsWith("services[0].remoteTicketing", error, StringComparison.Ordinal);
        Assert.Empty(HallDefinitionValidator.Validate(demo));
    }

    public void Dispose() => _server.Dispose();
}

public sealed class RealNameTicketOnSqliteTests() : RealNameTicketTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class RealNameTicketOnPostgresTests(PostgresServer postgres) : RealNameTicketTests(HallDatabase.Postgres(postgres));
