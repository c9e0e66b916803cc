using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Statistics;

/// <summary>
/// 考勤: per clerk and open hall day, from the event record (logins, logouts, pauses): the first login and last logout,
/// minutes late against the opening time and early against the closing time, minutes paused, and absence. Days the
/// calendar closes are left out; today counts up to now.
/// </summary>
public sealed class Attendance(QueueDatabase database, HallCatalogHolder hall, TimeProvider time)
{
    public async Task<IReadOnlyList<AttendanceDay>> GetAsync(HallDateRange range, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        await using var read = await HistoryRead.OpenAsync(database, catalog.HallId, range, cancellationToken);
        var events = (await read.Connection.QueryAsync<(string StaffCode, string Kind, string HallDate, long At)>(
            $"""
            SELECT staff_code, kind, hall_date, at FROM {read.Tables.Events}
            WHERE hall_id = @hall AND hall_date >= @from AND hall_date <= @to AND staff_code IS NOT NULL
              AND kind IN (@login, @logout, @paused, @resumed)
            ORDER BY at, id
            """,
            new { hall = catalog.HallId, from = range.FromKey, to = range.ToKey, login = EventKinds.Login, logout = EventKinds.Logout, paused = EventKinds.Paused, resumed = EventKinds.Resumed },
            read.Transaction)).ToLookup(e => (e.StaffCode, e.HallDate));

        var now = time.GetUtcNow();
        var today = catalog.HallDate(now);
        var hours = catalog.Definition.OpeningHours.Select(r => (From: HallDefinitionValidator.ParseTime(r.From) ?? 0, To: HallDefinitionValidator.ParseTime(r.To) ?? 0)).ToList();
        var opens = hours.Count == 0 ? 0 : hours.Min(h => h.From);
        var closes = hours.Count == 0 ? 24 * 60 : hours.Max(h => h.To);
        var days = new List<AttendanceDay>();
        for (var date = range.From; date <= range.To && date <= today; date = date.AddDays(1))
        {
            if (!catalog.Calendar.IsOpenDay(date))
            {
                continue;
            }
            var start = catalog.StartOfDay(date);
            var openAt = start.AddMinutes(opens).ToUnixMs();
            var closeAt = start.AddMinutes(closes).ToUnixMs();
            var dayEnd = Math.Min(closeAt, now.ToUnixMs());
            foreach (var clerk in catalog.Definition.Clerks.Where(c => !c.Supervisor))
            {
                var own = events[(clerk.StaffCode, date.ToKey())].ToList();
                var logins = own.Where(e => e.Kind == EventKinds.Login).ToList();
                if (logins.Count == 0)
                {
                    days.Add(new AttendanceDay(clerk.StaffCode, date.ToKey(), null, null, 0, 0, 0, true, clerk.Name));
                    continue;
                }
                var first = logins[0].At;
                var logouts = own.Where(e => e.Kind == EventKinds.Logout).Select(e => (long?)e.At).ToList();
                var lastLogout = logouts.Count == 0 ? null : logouts[^1];
                // Still logged in at the end (no logout after the last login): no early leave is counted.
                var loggedOutAtEnd = lastLogout is { } last && last >= logins[^1].At;
                var late = Minutes(Math.Max(0, first - openAt));
                var early = loggedOutAtEnd ? Minutes(Math.Max(0, closeAt - lastLogout!.Value)) : 0;
                days.Add(new AttendanceDay(clerk.StaffCode, date.ToKey(), catalog.ToOffset(TimeConversions.FromUnixMs(first)),
                    lastLogout is { } at ? catalog.ToOffset(TimeConversions.FromUnixMs(at)) : null, late, early, PausedMinutes(own, dayEnd), false, clerk.Name));
            }
        }
        return days;
    }

    /// <summary>Each pause runs to the next resume, logout or login of the clerk, or to the end of the day so far.</summary>
    private static int PausedMinutes(IReadOnlyList<(string StaffCode, string Kind, string HallDate, long At)> events, long dayEnd)
    {
        long paused = 0;
        long? since = null;
        foreach (var e in events)
        {
            if (e.Kind == EventKinds.Paused)
            {
                since ??= e.At;
            }
            else if (since is { } s)
            {
                paused += e.At - s;
                since = null;
            }
        }
        if (since is { } open && dayEnd > open)
        {
            paused += dayEnd - open;
        }
        return Minutes(paused);
    }

    private static int Minutes(long ms) => (int)(ms / 60_000);
}

/// <param name="LateMinutes">Minutes after the opening time the clerk first logged in.</param>
/// <param name="EarlyLeaveMinutes">Minutes before the closing time of the last logout (0 while still logged in).</param>
public sealed record AttendanceDay(string StaffCode, string Date, DateTimeOffset? FirstLoginAt, DateTimeOffset? LastLogoutAt,
    int LateMinutes, int EarlyLeaveMinutes, int PausedMinutes, bool Absent, string Name = "");
