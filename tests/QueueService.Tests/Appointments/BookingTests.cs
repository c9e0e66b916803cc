using System.Net;
using System.Net.Http.Json;
using Hall.QueueService.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Appointments;

/// <summary>Booking, capacity (also under concurrent requests), cancelling, and the rules around them. The clock stands at Monday 09:00.</summary>
public abstract class BookingTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _server = new(database: hallDatabase);

    private static DateTimeOffset At(int hour, int minute = 0) => new(2026, 11, 23, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Booking_the_current_slot_returns_a_code()
    {
        var client = _server.CreateClient();
        var booked = await client.BookAsync(1, At(9), AppointmentClient.Phone(1));

        Assert.Equal(AppointmentCodes.Length, booked.Code.Length);
        Assert.All(booked.Code, c => Assert.Contains(c, AppointmentCodes.Alphabet));
        Assert.Equal(1, booked.ServiceId);
        Assert.Equal(At(9), booked.SlotStart);
        Assert.Equal(At(9, 30), booked.SlotEnd);
        Assert.Equal(AppointmentStatus.Booked, booked.Status);
        Assert.Equal("138****0001", booked.MaskedPhone);

        var again = await client.GetFromJsonAsync<AppointmentView>($"/api/appointments/{booked.Code.ToLowerInvariant()}", Json.Options);
        Assert.Equal(booked.Code, again!.Code);
    }

    [Fact]
    public async Task The_day_lists_slots_of_thirty_minutes_around_the_clock_with_places_left()
    {
        var client = _server.CreateClient();
        await client.BookAsync(2, At(10), AppointmentClient.Phone(1));

        var slots = await client.SlotsAsync(2, "2026-11-23");

        Assert.Equal(48, slots.Count);
        var ten = Assert.Single(slots, s => s.Start == At(10));
        Assert.Equal(At(10, 30), ten.End);
        Assert.Equal(3, ten.Capacity);
        Assert.Equal(2, ten.Remaining);
        Assert.False(Assert.Single(slots, s => s.Start == At(8)).Bookable);
        Assert.True(ten.Bookable);
    }

    [Fact]
    public async Task Booking_past_capacity_answers_409()
    {
        var client = _server.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await client.BookAsync(1, At(10), AppointmentClient.Phone(i));
        }

        var fourth = await client.BookRawAsync(1, At(10), AppointmentClient.Phone(9));

        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
        Assert.Equal("slotFull", await fourth.ProblemCodeAsync());
        Assert.Equal(0, Assert.Single(await client.SlotsAsync(1, "2026-11-23"), s => s.Start == At(10)).Remaining);
    }

    [Fact]
    public async Task Twenty_concurrent_bookings_of_a_three_place_slot_give_exactly_three()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _server.CreateClient().BookRawAsync(3, At(11), AppointmentClient.Phone(100 + i))));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(17, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(0, Assert.Single(await _server.CreateClient().SlotsAsync(3, "2026-11-23"), s => s.Start == At(11)).Remaining);
    }

    [Fact]
    public async Task A_past_slot_answers_409()
    {
        var response = await _server.CreateClient().BookRawAsync(1, At(8, 30), AppointmentClient.Phone(1));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("slotPast", await response.ProblemCodeAsync());
    }

    [Fact]
    public async Task A_start_that_is_no_slot_is_refused()
    {
        var response = await _server.CreateClient().BookRawAsync(1, At(10, 10), AppointmentClient.Phone(1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("noSuchSlot", await response.ProblemCodeAsync());
    }

    [Fact]
    public async Task Beyond_the_booking_horizon_is_refused()
    {
        var response = await _server.CreateClient().BookRawAsync(1, At(10).AddDays(8), AppointmentClient.Phone(1));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("beyondHorizon", await response.ProblemCodeAsync());
    }

    [Fact]
    public async Task Cancelling_frees_the_place_only_after_the_reopen_delay()
    {
        var client = _server.CreateClient();
        var first = await client.BookAsync(1, At(12), AppointmentClient.Phone(0));
        await client.BookAsync(1, At(12), AppointmentClient.Phone(1));
        await client.BookAsync(1, At(12), AppointmentClient.Phone(2));
        Assert.Equal(HttpStatusCode.Conflict, (await client.BookRawAsync(1, At(12), AppointmentClient.Phone(3))).StatusCode);

        var cancel = await client.DeleteAsync($"/api/appointments/{first.Code}");
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(AppointmentStatus.Cancelled, (await cancel.Content.ReadFromJsonAsync<AppointmentView>(Json.Options))!.Status);

        // The buyer waiting beside the scalper cannot take the place at once, nor before the hall's delay
        // (appointments.cancelledSlotReopenMinutes, 30 by default) has passed.
        Assert.Equal(0, Assert.Single(await client.SlotsAsync(1, "2026-11-23"), s => s.Start == At(12)).Remaining);
        Assert.Equal("slotFull", await (await client.BookRawAsync(1, At(12), AppointmentClient.Phone(3))).ProblemCodeAsync());
        _server.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal("slotFull", await (await client.BookRawAsync(1, At(12), AppointmentClient.Phone(3))).ProblemCodeAsync());

        // After the delay and its random spread (up to 30 more minutes) the place is free again, once.
        _server.Clock.Advance(TimeSpan.FromMinutes(31) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, Assert.Single(await client.SlotsAsync(1, "2026-11-23"), s => s.Start == At(12)).Remaining);
        await client.BookAsync(1, At(12), AppointmentClient.Phone(3));
        Assert.Equal(0, Assert.Single(await client.SlotsAsync(1, "2026-11-23"), s => s.Start == At(12)).Remaining);
        Assert.Equal("slotFull", await (await client.BookRawAsync(1, At(12), AppointmentClient.Phone(4))).ProblemCodeAsync());

        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/appointments/{first.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/appointments/ZZZZZZZZ")).StatusCode);
    }

    [Fact]
    public async Task One_active_booking_per_phone_or_id_per_service_and_day()
    {
        var client = _server.CreateClient();
        const string id = "11010519491231002X";
        var first = await client.BookAsync(1, At(10), AppointmentClient.Phone(1), id);
        Assert.Equal("**************002X", first.MaskedIdNumber);

        var samePhone = await client.BookRawAsync(1, At(11), AppointmentClient.Phone(1));
        var sameId = await client.BookRawAsync(1, At(11), AppointmentClient.Phone(2), id);
        Assert.Equal("duplicateAppointment", await samePhone.ProblemCodeAsync());
        Assert.Equal("duplicateAppointment", await sameId.ProblemCodeAsync());

        // Another service the same day is over the person's daily cap (实名 limits); another day is fine; and once
        // cancelled the phone may book again.
        Assert.Equal("bookingLimitReached", await (await client.BookRawAsync(2, At(11), AppointmentClient.Phone(1), id)).ProblemCodeAsync());
        await client.BookAsync(1, At(11).AddDays(1), AppointmentClient.Phone(1), id);
        await client.DeleteAsync($"/api/appointments/{first.Code}");
        await client.BookAsync(1, At(11), AppointmentClient.Phone(1), id);

        // The ID number itself is never stored.
        var stored = await _server.StoredTextAsync();
        Assert.Contains("138****0001".Replace("****", "0000", StringComparison.Ordinal), stored, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_phone_and_missing_name_are_refused_with_400()
    {
        var client = _server.CreateClient();
        var badPhone = await client.BookRawAsync(1, At(10), "12345");
        var noName = await client.PostAsJsonAsync("/api/appointments", new { serviceId = 1, slotStart = At(10), name = " ", phone = AppointmentClient.Phone(1) });

        Assert.Equal("invalidPhone", await badPhone.ProblemCodeAsync());
        Assert.Equal("nameRequired", await noName.ProblemCodeAsync());
    }

    public void Dispose() => _server.Dispose();
}

public sealed class BookingOnSqliteTests() : BookingTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class BookingOnPostgresTests(PostgresServer postgres) : BookingTests(HallDatabase.Postgres(postgres));
