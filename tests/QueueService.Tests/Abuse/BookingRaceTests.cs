using System.Net;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Abuse;

/// <summary>
/// A scalper's script books for one person on every service at once: the per-person caps (1 booking a day) must hold
/// when the bookings race, also on PostgreSQL where writers run side by side.
/// </summary>
public abstract class BookingRaceTests(HallDatabase hallDatabase) : IDisposable
{
    private static readonly int[] BookableServices = [1, 2, 3, 4, 5, 6, 7, 8];

    private readonly HallServerFactory _hall = new(database: hallDatabase);

    public void Dispose() => _hall.Dispose();

    private static DateTimeOffset Tomorrow(int hour) => new(HallServerFactory.Start.Date.AddDays(1).AddHours(hour), TimeSpan.FromHours(8));

    [Fact]
    public async Task Simultaneous_bookings_for_one_phone_on_every_service_book_one()
    {
        var answers = await Task.WhenAll(BookableServices.Select(service =>
            _hall.CreateClient().BookRawAsync(service, Tomorrow(9 + service % 4), AppointmentClient.Phone(50))));

        AssertOneBooked(answers);
    }

    [Fact]
    public async Task Simultaneous_bookings_for_one_id_number_with_different_phones_book_one()
    {
        var id = IdNumberMaker.Make(60);
        var answers = await Task.WhenAll(BookableServices.Select(service =>
            _hall.CreateClient().BookRawAsync(service, Tomorrow(9 + service % 4), AppointmentClient.Phone(60 + service), id)));

        AssertOneBooked(answers);
    }

    private static void AssertOneBooked(HttpResponseMessage[] answers)
    {
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.StatusCode);
            Assert.Equal("bookingLimitReached", a.ProblemCodeAsync().GetAwaiter().GetResult());
        });
    }
}

public sealed class BookingRaceOnSqliteTests() : BookingRaceTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class BookingRaceOnPostgresTests(PostgresServer postgres) : BookingRaceTests(HallDatabase.Postgres(postgres));
