using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.QueueService.Appointments;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Abuse;

/// <summary>实名 rules: bookings per ID number and phone (1 a day, 2 a week, 6 a month) and the no-show bar.</summary>
public abstract class PersonalLimitTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: hallDatabase);

    public void Dispose() => _hall.Dispose();

    private static DateTimeOffset Day(int day, int hour = 11) =>
        new(HallServerFactory.Start.Date.AddDays(day).AddHours(hour), TimeSpan.FromHours(8));

    [Fact]
    public async Task One_phone_or_id_holds_one_booking_a_day_and_two_a_week_across_services()
    {
        var client = _hall.CreateClient();
        var id = IdNumberMaker.Make(1);
        await client.BookAsync(1, Day(0), AppointmentClient.Phone(1), id);

        var otherService = await client.BookRawAsync(2, Day(0), AppointmentClient.Phone(1));
        Assert.Equal(HttpStatusCode.Conflict, otherService.StatusCode);
        Assert.Equal("bookingLimitReached", await otherService.ProblemCodeAsync());
        // The same ID number with another phone is the same person.
        Assert.Equal("bookingLimitReached", await (await client.BookRawAsync(2, Day(0), AppointmentClient.Phone(2), id)).ProblemCodeAsync());

        await client.BookAsync(2, Day(1), AppointmentClient.Phone(1));
        var thirdThisWeek = await client.BookRawAsync(1, Day(2), AppointmentClient.Phone(1));
        var problem = await thirdThisWeek.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bookingLimitReached", problem.GetProperty("code").GetString());
        Assert.Equal("week", problem.GetProperty("period").GetString());

        // Another person books the same slot without trouble.
        await client.BookAsync(1, Day(2), AppointmentClient.Phone(4), IdNumberMaker.Make(2));
    }

    [Fact]
    public async Task One_id_number_takes_at_most_three_remote_numbers_a_day_across_services()
    {
        var client = _hall.CreateClient();
        var id = IdNumberMaker.Make(3);
        foreach (var service in new[] { 1, 2, 3 })
        {
            var taken = await client.PostAsJsonAsync("/api/remote-tickets", new { serviceId = service, idNumber = id });
            Assert.True(taken.StatusCode == HttpStatusCode.Created, await taken.Content.ReadAsStringAsync());
        }

        var fourth = await client.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 4, idNumber = id });

        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
        Assert.Equal("remoteTicketLimitReached", await fourth.ProblemCodeAsync());
        // No number was taken: the service's first number goes to the next citizen, and another person is not held up.
        var other = await client.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 4, idNumber = IdNumberMaker.Make(4) });
        var otherTicket = await other.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.EndsWith("001", otherTicket.GetProperty("number").GetString(), StringComparison.Ordinal);
        // A kiosk number with the same ID is not a remote one; the cap is for numbers from the phone.
        Assert.Equal(Contracts.Api.TicketPriority.Normal, (await _hall.IssueAsync(4, idNumber: id)).Priority);

        // The next hall day the person may take numbers from the phone again (a jump: no day of timers to run).
        _hall.Clock.Jump(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 5, idNumber = id })).StatusCode);
    }

    [Fact]
    public async Task After_two_no_shows_in_90_days_a_person_may_not_book_for_90_days()
    {
        var client = _hall.CreateClient();
        var sweeper = _hall.Services.GetRequiredService<MissedAppointmentSweeper>();
        var phone = AppointmentClient.Phone(7);
        for (var day = 0; day < 2; day++)
        {
            await client.BookAsync(1, Day(day), phone);
            _hall.Clock.Advance(TimeSpan.FromHours(day == 0 ? 3 : 24)); // past the check-in window
            await sweeper.SweepAsync();
        }

        var barred = await client.BookRawAsync(1, Day(2), phone);

        Assert.Equal(HttpStatusCode.Forbidden, barred.StatusCode);
        var problem = await barred.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bookingBarred", problem.GetProperty("code").GetString());
        // The second no-show was marked on Tuesday 2026-11-24; the bar lasts 90 days from then.
        Assert.Contains("2027-02-22", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        _hall.Clock.Jump(TimeSpan.FromDays(90)); // no timers need to run through the 90 days
        var later = Day(93);
        Assert.Equal(HttpStatusCode.Created, (await client.BookRawAsync(1, later, phone)).StatusCode);
    }
}

public sealed class PersonalLimitOnSqliteTests() : PersonalLimitTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PersonalLimitOnPostgresTests(PostgresServer postgres) : PersonalLimitTests(HallDatabase.Postgres(postgres));
