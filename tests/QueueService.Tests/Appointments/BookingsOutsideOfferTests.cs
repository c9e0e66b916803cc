using Hall.QueueService.Appointments;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Appointments;

/// <summary>A changed hall file never drops bookings silently: those it no longer offers are listed for the hall to contact.</summary>
public abstract class BookingsOutsideOfferTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _server = new(database: hallDatabase);

    private static DateTimeOffset At(int hour, int minute = 0) => new(2026, 11, 23, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Bookings_of_removed_slots_and_over_a_reduced_capacity_are_listed_and_kept()
    {
        var client = _server.CreateClient();
        var evening = await client.BookAsync(1, At(20), AppointmentClient.Phone(1));
        var first = await client.BookAsync(1, At(10), AppointmentClient.Phone(2));
        var second = await client.BookAsync(1, At(10), AppointmentClient.Phone(3));
        var database = _server.Services.GetRequiredService<QueueDatabase>();
        var demo = _server.Services.GetRequiredService<HallCatalogHolder>().Current.Definition;
        Assert.Empty(await BookingsOutsideOffer.FindAsync(database, new HallCatalog(demo), _server.Clock.GetUtcNow()));

        var changed = demo with
        {
            Services = [demo.Services[0] with { Appointments = demo.Services[0].Appointments! with { Hours = [new TimeRange("08:00", "17:00")], CapacityPerSlot = 1 } },
                        .. demo.Services.Skip(1)],
        };
        var listed = await BookingsOutsideOffer.FindAsync(database, new HallCatalog(changed), _server.Clock.GetUtcNow());

        Assert.Equal([second.Code, evening.Code], listed.Select(e => e.Appointment.Code));
        Assert.All(listed, e => Assert.Equal(AppointmentStatus.Booked, e.Appointment.Status));
        Assert.DoesNotContain(listed, e => e.Appointment.Code == first.Code);
    }

    public void Dispose() => _server.Dispose();
}

public sealed class BookingsOutsideOfferOnSqliteTests() : BookingsOutsideOfferTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class BookingsOutsideOfferOnPostgresTests(PostgresServer postgres) : BookingsOutsideOfferTests(HallDatabase.Postgres(postgres));
