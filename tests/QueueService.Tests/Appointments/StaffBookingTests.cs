using System.Net;
using System.Net.Http.Json;
using Dapper;
using Hall.QueueService.Appointments;
using Hall.QueueService.Storage;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Appointments;

/// <summary>当面、电话预约: a clerk or supervisor books for a citizen at the counter or on the phone. The clock stands at Monday 09:00.</summary>
public abstract class StaffBookingTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _server = new(database: hallDatabase);

    public void Dispose() => _server.Dispose();

    private static DateTimeOffset At(int hour, int minute = 0) => new(2026, 11, 23, hour, minute, 0, TimeSpan.FromHours(8));

    private static object Booking(string channel, int phone, int hour) =>
        new { serviceId = 1, slotStart = At(hour), name = "张三", phone = AppointmentClient.Phone(phone), channel };

    [Fact]
    public async Task A_clerk_books_at_the_counter_and_a_supervisor_on_the_phone_with_the_same_rules_as_the_web()
    {
        var clerk = await _server.LoginAsync(1, "1001");
        var counter = await clerk.PostAsJsonAsync("/api/appointments/for-citizen", Booking("counter", 1, 10));
        Assert.Equal(HttpStatusCode.Created, counter.StatusCode);
        var booked = (await counter.Content.ReadFromJsonAsync<AppointmentView>(Json.Options))!;
        Assert.Equal(AppointmentChannels.Counter, booked.Channel);
        Assert.Equal("138****0001", booked.MaskedPhone);

        var supervisor = await _server.LoginSupervisorAsync();
        var phone = await supervisor.PostAsJsonAsync("/api/appointments/for-citizen", Booking("phone", 2, 11));
        Assert.Equal(AppointmentChannels.Phone, (await phone.Content.ReadFromJsonAsync<AppointmentView>(Json.Options))!.Channel);

        // One booking per person and service a day, whoever books it.
        var twice = await supervisor.PostAsJsonAsync("/api/appointments/for-citizen", Booking("phone", 1, 12));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        // A web booking says so; a staff booking needs its channel; citizens cannot use the staff endpoint.
        var web = await _server.CreateClient().BookAsync(1, At(13), AppointmentClient.Phone(3));
        Assert.Equal(AppointmentChannels.Web, web.Channel);
        Assert.Equal("channelRequired", await (await clerk.PostAsJsonAsync("/api/appointments/for-citizen", Booking("web", 4, 14))).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.CreateClient().PostAsJsonAsync("/api/appointments/for-citizen", Booking("counter", 5, 14))).StatusCode);

        await using var connection = await _server.Services.GetRequiredService<QueueDatabase>().OpenAsync();
        var events = (await connection.QueryAsync<(string Device, string? StaffCode)>(
            "SELECT device, staff_code FROM events WHERE kind = @booked ORDER BY id", new { booked = AppointmentEventKinds.Booked })).ToList();
        Assert.Equal([("counter", "1001"), ("phone", "9001"), ("api", null)], events.Take(3).Select(e => (e.Device, e.StaffCode)));
    }
}

public sealed class StaffBookingOnSqliteTests() : StaffBookingTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class StaffBookingOnPostgresTests(PostgresServer postgres) : StaffBookingTests(HallDatabase.Postgres(postgres));
