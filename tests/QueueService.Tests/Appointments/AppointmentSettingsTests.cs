using Hall.QueueService.Appointments;
using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Tests.Appointments;

/// <summary>Appointment settings in the hall file: checked with messages naming the field, and the slot grid they make.</summary>
public sealed class AppointmentSettingsTests
{
    private static HallDefinition DemoWith(AppointmentSettings settings)
    {
        var demo = HallFileLoader.LoadDemoHall();
        return demo with { Services = [demo.Services[0] with { Appointments = settings }, .. demo.Services.Skip(1)] };
    }

    [Fact]
    public void The_demo_hall_offers_thirty_minute_slots_for_three_with_check_in_from_30_before_to_15_after()
    {
        var demo = HallFileLoader.LoadDemoHall();
        Assert.All(demo.Services, s =>
        {
            Assert.Equal(30, s.Appointments!.SlotMinutes);
            Assert.True(s.Appointments.CapacityPerSlot >= 3);
            Assert.Equal(30, s.Appointments.CheckInBeforeMinutes);
            Assert.Equal(15, s.Appointments.CheckInAfterMinutes);
        });
        Assert.Empty(HallDefinitionValidator.Validate(demo));
    }

    [Fact]
    public void Bad_settings_are_named()
    {
        var errors = HallDefinitionValidator.Validate(DemoWith(new AppointmentSettings
        {
            SlotMinutes = 0,
            CapacityPerSlot = 0,
            BookingCutoffMinutes = -100,
            Hours = [new TimeRange("12:00", "08:00")],
            ExtraDates = ["2026-13-01"],
        }));

        Assert.Contains(errors, e => e.StartsWith("services[0].appointments.slotMinutes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("services[0].appointments.capacityPerSlot", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("services[0].appointments.bookingCutoffMinutes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("services[0].appointments.hours[0]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("services[0].appointments.extraDates[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Slots_follow_the_hours_and_days_offered_and_extra_dates_open_a_closed_day()
    {
        var hall = DemoWith(new AppointmentSettings
        {
            SlotMinutes = 45,
            Hours = [new TimeRange("09:00", "11:00"), new TimeRange("14:00", "15:30")],
            Days = [DayOfWeek.Monday, DayOfWeek.Tuesday],
            ExtraDates = ["2026-11-28"],
        });
        var catalog = new HallCatalog(hall);
        var service = catalog.FindService(1)!;
        var settings = service.Appointments!;

        var monday = AppointmentSchedule.Slots(catalog, service, settings, new DateOnly(2026, 11, 23));
        Assert.Equal(["09:00", "09:45", "14:00", "14:45"], monday.Select(s => catalog.ToLocal(s.Start).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(AppointmentSchedule.Slots(catalog, service, settings, new DateOnly(2026, 11, 25)));
        Assert.Equal(4, AppointmentSchedule.Slots(catalog, service, settings, new DateOnly(2026, 11, 28)).Count);
    }
}
