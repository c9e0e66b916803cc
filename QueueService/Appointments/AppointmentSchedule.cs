using System.Globalization;
using Hall.QueueService.HallSetup;
using Hall.QueueService.HallSetup.Calendar;

namespace Hall.QueueService.Appointments;

/// <summary>The slot grid of a service's day, computed from the hall file (nothing of it is stored but the bookings).</summary>
public static class AppointmentSchedule
{
    public static IReadOnlyList<TimeRange> Hours(HallCatalog catalog, ServiceDefinition service, AppointmentSettings settings) =>
        settings.Hours.Count > 0 ? settings.Hours : catalog.TicketingHours(service);

    /// <summary>
    /// No slots on a declared holiday, even an extra date; a make-up workday is offered like a weekday when the
    /// service takes bookings on weekdays.
    /// </summary>
    public static bool OffersDate(HallCatalog catalog, AppointmentSettings settings, DateOnly date)
    {
        switch (catalog.Calendar.EntryOn(date)?.Kind)
        {
            case CalendarDayKind.Holiday:
                return false;
            case CalendarDayKind.Workday:
                var weekdays = settings.Days.Count > 0 ? settings.Days : catalog.Definition.OpenDays;
                return weekdays.Count == 0 || weekdays.Any(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        }
        if (settings.ExtraDates.Contains(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
        {
            return true;
        }
        var days = settings.Days.Count > 0 ? settings.Days : catalog.Definition.OpenDays;
        return days.Count == 0 || days.Contains(date.DayOfWeek);
    }

    /// <summary>The day's slots in order; empty when the date is not offered.</summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Slots(HallCatalog catalog, ServiceDefinition service, AppointmentSettings settings, DateOnly date)
    {
        if (!OffersDate(catalog, settings, date))
        {
            return [];
        }
        var dayStart = catalog.StartOfDay(date);
        var slots = new List<(DateTimeOffset, DateTimeOffset)>();
        foreach (var range in Hours(catalog, service, settings).OrderBy(r => HallDefinitionValidator.ParseTime(r.From)))
        {
            var from = HallDefinitionValidator.ParseTime(range.From) ?? 0;
            var to = HallDefinitionValidator.ParseTime(range.To) ?? 0;
            for (var m = from; m + settings.SlotMinutes <= to; m += settings.SlotMinutes)
            {
                slots.Add((dayStart.AddMinutes(m), dayStart.AddMinutes(m + settings.SlotMinutes)));
            }
        }
        return slots;
    }

    /// <summary>The slot starting exactly at <paramref name="start"/>, if the service offers one.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? Find(HallCatalog catalog, ServiceDefinition service, AppointmentSettings settings, DateTimeOffset start)
    {
        foreach (var slot in Slots(catalog, service, settings, catalog.HallDate(start)))
        {
            if (slot.Start == start)
            {
                return slot;
            }
        }
        return null;
    }

    /// <summary>Bookable when booking has not closed yet (cut-off) and the day is within the horizon.</summary>
    public static bool IsBookable(HallCatalog catalog, AppointmentSettings settings, DateTimeOffset start, DateTimeOffset now) =>
        now < start.AddMinutes(-settings.BookingCutoffMinutes)
        && catalog.HallDate(start).DayNumber - catalog.HallDate(now).DayNumber <= settings.HorizonDays;

    /// <summary>The dates a citizen may choose from today on.</summary>
    public static IReadOnlyList<DateOnly> BookableDates(HallCatalog catalog, AppointmentSettings settings, DateTimeOffset now)
    {
        var today = catalog.HallDate(now);
        return Enumerable.Range(0, settings.HorizonDays + 1).Select(today.AddDays).Where(d => OffersDate(catalog, settings, d)).ToList();
    }
}
