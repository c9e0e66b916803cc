using System.Globalization;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Appointments;

/// <summary>
/// 实名 limits on one person's bookings (phone or ID number hash, across services), checked inside the booking's write
/// transaction so racing bookings of one person are counted one after the other: the no-show bar (403
/// <c>bookingBarred</c>, saying until when) and the caps per day, week and month of the slot's date (409
/// <c>bookingLimitReached</c>). Active, checked-in and missed bookings count; cancelled ones do not.
/// </summary>
public static class PersonalLimits
{
    public static async Task EnsureAllowedAsync(WriteScope scope, HallCatalog catalog, string phone, string? idHash, DateOnly slotDate, DateTimeOffset now)
    {
        var limits = catalog.Definition.Appointments.Limits;
        var person = new { hall = catalog.HallId, phone, idHash };

        var since = now.AddDays(-(limits.NoShowWindowDays + limits.BarDays)).ToUnixMs();
        var missed = (await scope.Connection.QueryAsync<long>(
            """
            SELECT missed_at FROM appointments
            WHERE hall_id = @hall AND status = @missed AND missed_at >= @since AND (phone = @phone OR (@idHash IS NOT NULL AND id_hash = @idHash))
            ORDER BY missed_at
            """,
            new { person.hall, person.phone, person.idHash, since, missed = (int)AppointmentStatus.Missed }, scope.Transaction)).ToList();
        if (BarredUntil(missed, limits) is { } until && until > now)
        {
            var local = catalog.ToLocal(until).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            throw QueueProblems.BookingBarred(limits.NoShowWindowDays, limits.NoShowsBeforeBar, local, catalog.ToOffset(until));
        }

        var weekStart = slotDate.AddDays(-(((int)slotDate.DayOfWeek + 6) % 7));
        var monthStart = new DateOnly(slotDate.Year, slotDate.Month, 1);
        var from = weekStart < monthStart ? weekStart : monthStart;
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var to = weekStart.AddDays(6) > monthEnd ? weekStart.AddDays(6) : monthEnd;
        var dates = (await scope.Connection.QueryAsync<string>(
            """
            SELECT hall_date FROM appointments
            WHERE hall_id = @hall AND status IN (@booked, @checkedIn, @missed) AND hall_date >= @from AND hall_date <= @to
              AND (phone = @phone OR (@idHash IS NOT NULL AND id_hash = @idHash))
            """,
            new { person.hall, person.phone, person.idHash, from = from.ToKey(), to = to.ToKey(),
                booked = (int)AppointmentStatus.Booked, checkedIn = (int)AppointmentStatus.CheckedIn, missed = (int)AppointmentStatus.Missed }, scope.Transaction))
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Refuse(dates.Count(d => d == slotDate), limits.PerDay, "天", "day");
        Refuse(dates.Count(d => d >= weekStart && d <= weekStart.AddDays(6)), limits.PerWeek, "周", "week");
        Refuse(dates.Count(d => d.Year == slotDate.Year && d.Month == slotDate.Month), limits.PerMonth, "月", "month");
    }

    /// <summary>The end of the bar that the latest run of N no-shows within the window started, if any.</summary>
    public static DateTimeOffset? BarredUntil(IReadOnlyList<long> missedAt, BookingLimits limits)
    {
        DateTimeOffset? until = null;
        var n = limits.NoShowsBeforeBar;
        for (var i = n - 1; i < missedAt.Count; i++)
        {
            var first = TimeConversions.FromUnixMs(missedAt[i - n + 1]);
            var last = TimeConversions.FromUnixMs(missedAt[i]);
            if (last - first <= TimeSpan.FromDays(limits.NoShowWindowDays))
            {
                until = last.AddDays(limits.BarDays);
            }
        }
        return until;
    }

    private static void Refuse(int held, int limit, string zh, string en)
    {
        if (held >= limit)
        {
            throw QueueProblems.BookingLimitReached(limit, zh, en);
        }
    }
}
