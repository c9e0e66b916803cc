using System.Globalization;
using Dapper;
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
        var catalog = hall.Current;
        var range = new HallDateRange(date, date);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Hour, long Arrivals, double? AvgServiceMs)>(
            $"""
            SELECT CAST({StatisticsQueries.HourKey(catalog, range)} AS TEXT) AS hour, COUNT(*) AS arrivals,
                CAST(AVG(CASE WHEN status = 3 AND started_at IS NOT NULL AND finished_at IS NOT NULL THEN finished_at - started_at END) AS DOUBLE PRECISION) AS avg_service_ms
            FROM tickets WHERE hall_id = @hall AND hall_date = @date
            GROUP BY {StatisticsQueries.HourKey(catalog, range)}
            """,
            new { hall = catalog.HallId, date = range.FromKey })).ToDictionary(r => int.Parse(r.Hour, CultureInfo.InvariantCulture));
        var dayServiceMs = await connection.ExecuteScalarAsync<double?>(
            """
            SELECT CAST(AVG(finished_at - started_at) AS DOUBLE PRECISION) FROM tickets
            WHERE hall_id = @hall AND hall_date = @date AND status = 3 AND started_at IS NOT NULL AND finished_at IS NOT NULL
            """,
            new { hall = catalog.HallId, date = range.FromKey });
        var sessions = await statistics.PostSessionsAsync(connection, catalog, range);

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
        return new StaffingReport(range.FromKey, targetWaitMinutes, serviceLevel, hours);
    }
}

public sealed record StaffingReport(string Date, double TargetWaitMinutes, double ServiceLevel, IReadOnlyList<StaffingHour> Hours);

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
