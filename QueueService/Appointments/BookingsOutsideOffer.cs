using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Appointments;

/// <summary>
/// After the hall file changes, active bookings may no longer fit what is offered (the slot is gone, the service no
/// longer takes appointments, or the slot now holds more bookings than its capacity). They are never dropped: this
/// lists them so the hall can contact the citizens.
/// </summary>
public static class BookingsOutsideOffer
{
    public sealed record Entry(AppointmentView Appointment, string Name, string Reason)
    {
        /// <summary>The booking's day is now a declared holiday (the calendar changed after it was made).</summary>
        public bool OnHoliday { get; init; }
    }

    public static async Task<IReadOnlyList<Entry>> FindAsync(QueueDatabase database, HallCatalog catalog, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var active = await connection.QueryAsync<AppointmentRow>(
            "SELECT * FROM appointments WHERE hall_id = @hall AND status = @booked AND check_in_until >= @now ORDER BY slot_start, booked_at",
            new { hall = catalog.HallId, now = now.ToUnixMs(), booked = (int)AppointmentStatus.Booked });
        var entries = new List<Entry>();
        foreach (var slot in active.GroupBy(a => (a.ServiceId, a.SlotStart)))
        {
            var service = catalog.FindService(slot.Key.ServiceId);
            string? reason = null;
            var overCapacity = 0;
            var holiday = catalog.Calendar.HolidayOn(catalog.HallDate(TimeConversions.FromUnixMs(slot.Key.SlotStart)));
            if (holiday is not null)
            {
                reason = $"该日已定为{holiday}假期，大厅不办公 The day is now a public holiday ({holiday})";
            }
            else if (service?.Appointments is not { } settings)
            {
                reason = "该事项已不接受预约 The service no longer takes appointments";
            }
            else if (AppointmentSchedule.Find(catalog, service, settings, TimeConversions.FromUnixMs(slot.Key.SlotStart)) is null)
            {
                reason = "该时段已不再开放 The slot is no longer offered";
            }
            else
            {
                overCapacity = slot.Count() - settings.CapacityPerSlot;
            }
            // Over capacity, the latest bookings of the slot are the ones to contact.
            var affected = reason is not null ? slot.ToList() : slot.Skip(Math.Max(0, slot.Count() - Math.Max(0, overCapacity))).ToList();
            if (reason is null && overCapacity > 0)
            {
                reason = "该时段名额已减少 The slot's capacity was reduced";
            }
            if (reason is not null)
            {
                entries.AddRange(affected.Select(a => new Entry(AppointmentBook.View(catalog, a), a.Name, reason) { OnHoliday = holiday is not null }));
            }
        }
        return entries;
    }
}
