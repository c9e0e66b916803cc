using System.Globalization;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Statistics;

/// <summary>
/// 增设临时窗口: per hour of a past day, the arrivals, mean service time and windows open, and the windows Erlang C
/// says were needed to serve <c>serviceLevel</c> of citizens within the target wait.
/// </summary>
public sealed class StaffingAdvisor(QueueDatabase database, HallCatalogHolder hall, StatisticsQueries statistics)
{
    public async Task<StaffingReport> GetDayAsync(DateOnly date, double targetWaitMinutes, double serviceLevel, CancellationToken cancellationToken = default)
    {
        await using var read = await HistoryRead.OpenAsync(database, hall.Current.HallId, new HallDateRange(date, date), cancellationToken);
        return await GetDayAsync(read, date, targetWaitMinutes, serviceLevel);
    }

    /// <summary>The day's advice, every figure read in the given snapshot.</summary>
    public async Task<StaffingReport> GetDayAsync(HistoryRead read, DateOnly date, double targetWaitMinutes, double serviceLevel)
    {
        var catalog = hall.Current;
        var range = new HallDateRange(date, date);
        var (connection, tables) = (read.Connection, read.Tables);
        var rows = (await connection.QueryAsync<(string Hour, long Arrivals, double? AvgServiceMs)>(
            $"""
            SELECT CAST({StatisticsQueries.HourKey(catalog, range)} AS TEXT) AS hour, COUNT(*) AS arrivals,
                CAST(AVG(CASE WHEN status = @done AND started_at IS NOT NULL AND finished_at IS NOT NULL THEN finished_at - started_at END) AS DOUBLE PRECISION) AS avg_service_ms
            FROM {tables.Tickets} WHERE hall_id = @hall AND hall_date = @date
            GROUP BY {StatisticsQueries.HourKey(catalog, range)}
            """,
            new { hall = catalog.HallId, date = range.FromKey, done = (int)TicketStatus.Done }, read.Transaction)).ToDictionary(r => int.Parse(r.Hour, CultureInfo.InvariantCulture));
        var dayServiceMs = await connection.ExecuteScalarAsync<double?>(
            $"""
            SELECT CAST(AVG(finished_at - started_at) AS DOUBLE PRECISION) FROM {tables.Tickets}
            WHERE hall_id = @hall AND hall_date = @date AND status = @done AND started_at IS NOT NULL AND finished_at IS NOT NULL
            """,
            new { hall = catalog.HallId, date = range.FromKey, done = (int)TicketStatus.Done }, read.Transaction);
        var sessions = await statistics.PostSessionsAsync(read, catalog, range);
        var byService = (await connection.QueryAsync<(string Hour, long ServiceId, long Arrivals, long Served, long ServiceMs)>(
            $"""
            SELECT CAST({StatisticsQueries.HourKey(catalog, range)} AS TEXT) AS hour, CAST(service_id AS BIGINT) AS service_id, COUNT(*) AS arrivals,
                SUM(CASE WHEN status = @done AND started_at IS NOT NULL AND finished_at IS NOT NULL THEN 1 ELSE 0 END) AS served,
                SUM(CASE WHEN status = @done AND started_at IS NOT NULL AND finished_at IS NOT NULL THEN finished_at - started_at ELSE 0 END) AS service_ms
            FROM {tables.Tickets} WHERE hall_id = @hall AND hall_date = @date
            GROUP BY {StatisticsQueries.HourKey(catalog, range)}, service_id
            """,
            new { hall = catalog.HallId, date = range.FromKey, done = (int)TicketStatus.Done }, read.Transaction)).ToList();

        // An hour without a finished service borrows the day's mean, else the hall file's typical times.
        var typicalSeconds = catalog.Services.Count == 0 ? 600 : catalog.Services.Average(s => s.TypicalServiceMinutes * 60.0);
        var dayStart = catalog.StartOfDay(date).ToUnixTimeMilliseconds();
        var hours = new List<StaffingHour>();
        for (var hour = 0; hour < 24; hour++)
        {
            var from = dayStart + hour * 3_600_000L;
            var open = sessions.Where(s => s.Overlaps(from, from + 3_600_000L)).Select(s => s.WindowNumber).Distinct().Count();
            rows.TryGetValue(hour, out var row);
            if (row.Arrivals == 0 && open == 0)
            {
                continue;
            }
            var measured = row.AvgServiceMs is { } ms ? ms / 1000 : (double?)null;
            var serviceSeconds = measured ?? (dayServiceMs is { } d ? d / 1000 : typicalSeconds);
            var load = row.Arrivals * serviceSeconds / 3600.0;
            hours.Add(new StaffingHour(
                hour,
                $"{hour:00}:00–{(hour + 1) % 24:00}:00",
                row.Arrivals,
                Math.Round(serviceSeconds, 1),
                measured is null && row.Arrivals > 0,
                Math.Round(load, 3),
                open,
                ErlangC.RequiredServers(row.Arrivals, serviceSeconds, targetWaitMinutes * 60, serviceLevel)));
        }
        return new StaffingReport(range.FromKey, targetWaitMinutes, serviceLevel, hours,
            Groups(catalog, byService, sessions, dayStart, dayServiceMs is { } dm ? dm / 1000 : typicalSeconds, targetWaitMinutes, serviceLevel));
    }

    /// <summary>
    /// The same per service group (the category of 分类综合 windows). A window counts as open for a group when it
    /// serves any of the group's services, so a 全面综合 window counts in every group.
    /// </summary>
    private static List<StaffingGroup> Groups(HallCatalog catalog, List<(string Hour, long ServiceId, long Arrivals, long Served, long ServiceMs)> rows,
        IReadOnlyList<PostSession> sessions, long dayStart, double fallbackSeconds, double targetWaitMinutes, double serviceLevel)
    {
        var groups = new List<StaffingGroup>();
        foreach (var category in catalog.Services.GroupBy(s => s.Category))
        {
            var serviceIds = category.Select(s => s.Id).ToHashSet();
            var windows = catalog.Windows.Where(w => w.ServiceIds.Any(serviceIds.Contains)).Select(w => w.Number).ToHashSet();
            var hours = new List<StaffingHour>();
            for (var hour = 0; hour < 24; hour++)
            {
                var inHour = rows.Where(r => serviceIds.Contains((int)r.ServiceId) && int.Parse(r.Hour, CultureInfo.InvariantCulture) == hour).ToList();
                var arrivals = inHour.Sum(r => r.Arrivals);
                var from = dayStart + hour * 3_600_000L;
                var open = sessions.Where(s => windows.Contains(s.WindowNumber) && s.Overlaps(from, from + 3_600_000L)).Select(s => s.WindowNumber).Distinct().Count();
                if (arrivals == 0)
                {
                    continue;
                }
                var served = inHour.Sum(r => r.Served);
                var measured = served > 0 ? inHour.Sum(r => r.ServiceMs) / 1000.0 / served : (double?)null;
                var serviceSeconds = measured ?? fallbackSeconds;
                hours.Add(new StaffingHour(hour, $"{hour:00}:00–{(hour + 1) % 24:00}:00", arrivals, Math.Round(serviceSeconds, 1), measured is null,
                    Math.Round(arrivals * serviceSeconds / 3600.0, 3), open, ErlangC.RequiredServers(arrivals, serviceSeconds, targetWaitMinutes * 60, serviceLevel)));
            }
            if (hours.Count > 0)
            {
                groups.Add(new StaffingGroup(category.Key, [.. serviceIds.Order()], hours));
            }
        }
        return groups;
    }
}

public sealed record StaffingReport(string Date, double TargetWaitMinutes, double ServiceLevel, IReadOnlyList<StaffingHour> Hours, IReadOnlyList<StaffingGroup> Groups);

/// <summary>A service group (category) with its hours that had arrivals.</summary>
public sealed record StaffingGroup(string Category, IReadOnlyList<int> ServiceIds, IReadOnlyList<StaffingHour> Hours);

/// <param name="ServiceTimeEstimated">True when the hour had no finished service and the mean came from the day or the hall file.</param>
/// <param name="OfferedLoad">Arrivals × mean service time, in erlangs (windows kept busy).</param>
public sealed record StaffingHour(
    int Hour,
    string Label,
    long Arrivals,
    double AvgServiceSeconds,
    bool ServiceTimeEstimated,
    double OfferedLoad,
    int OpenWindows,
    int RecommendedWindows);
