using Hall.QueueService.Ratings;
using Microsoft.Extensions.Options;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Queue.Outcomes;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Statistics;

/// <summary>
/// Statistics over a range of hall days on both SQLite and PostgreSQL: the ticket figures in one pass over the range's
/// tickets (<see cref="TicketFigures"/>), post hours by LEAD over the login and logout events (one row per login),
/// outcomes and duty figures by GROUP BY. Events are never read one by one. Tickets and
/// events of ranges with archived days are read through the <c>ticket_history</c> and <c>event_history</c> views, so
/// archived days count the same (see <see cref="HistoryTables"/>).
/// </summary>
public sealed class StatisticsQueries(QueueDatabase database, HallCatalogHolder hall, TimeProvider time, IOptions<RatingRulesOptions> ratingRules)
{
    public async Task<StatsReport> GetReportAsync(HallDateRange range, CancellationToken cancellationToken = default)
    {
        await using var read = await HistoryRead.OpenAsync(database, hall.Current.HallId, range, cancellationToken);
        return await GetReportAsync(read, range);
    }

    /// <summary>The report, every figure read in the given snapshot.</summary>
    public async Task<StatsReport> GetReportAsync(HistoryRead read, HallDateRange range)
    {
        var catalog = hall.Current;
        var slices = await TicketFigures.ReadAsync(read, [catalog.HallId], Promises(catalog), range,
            [TicketFigures.Total, TicketFigures.ByService, TicketFigures.ByWindow, TicketFigures.ByClerk, TicketFigures.ByHour(HourOffsetMs(catalog, range))]);
        var (total, byService, byWindow, byClerk, byHour) = (slices["all"], slices["service"], slices["window"], slices["clerk"], slices["hour"]);
        var sessions = await PostSessionsAsync(read, catalog, range);
        // One read of the outcomes, summed four ways.
        var outcomeCounts = await TicketOutcomesTable.CountAsync(read, catalog.HallId, range.FromKey, range.ToKey);
        var outcomesTotal = TicketOutcomesTable.SumBy(outcomeCounts, _ => "all");
        var outcomesByService = TicketOutcomesTable.SumBy(outcomeCounts, c => c.ServiceId.ToString(CultureInfo.InvariantCulture));
        var outcomesByWindow = TicketOutcomesTable.SumBy(outcomeCounts, c => c.WindowNumber?.ToString(CultureInfo.InvariantCulture));
        var outcomesByClerk = TicketOutcomesTable.SumBy(outcomeCounts, c => c.StaffCode);

        var duty = await DutyCounts.ReadAsync(read, catalog, range, catalog.HallDate(time.GetUtcNow()).ToKey());

        var empty = StatsFigures.From(new TicketSums(), null);
        StatsFigures Of(Dictionary<string, StatsFigures> map, string key) => map.GetValueOrDefault(key) ?? empty;
        StatsFigures With(Dictionary<string, StatsFigures> map, Dictionary<string, Dictionary<string, long>> outcomes, string slice, string key) =>
            duty.Apply(Of(map, key).WithOutcomes(outcomes.GetValueOrDefault(key)), slice, key);
        int BPostWorkingDays(string code) => sessions.Where(s => s.StaffCode == code && s.Post == "B")
            .Select(s => catalog.HallDate(TimeConversions.FromUnixMs(s.StartMs))).Distinct().Count(catalog.Calendar.IsWorkingDay);
        static string K(int n) => n.ToString(CultureInfo.InvariantCulture);
        double Hours(Func<PostSession, bool> match, string post) =>
            Math.Round(sessions.Where(s => match(s) && s.Post == post).Sum(s => s.Duration.TotalHours), 2);

        var services = catalog.Services.Select(s => new ServiceStats(With(byService, outcomesByService, DutyCounts.Service, K(s.Id)))
        {
            ServiceId = s.Id,
            ServiceName = s.Name,
            Category = s.Category,
            PromisedMinutes = s.PromisedMinutes,
        }).ToList();
        var windows = catalog.Windows.Select(w => new WindowStats(With(byWindow, outcomesByWindow, DutyCounts.Window, K(w.Number)))
        {
            WindowNumber = w.Number,
            WindowName = w.Name,
            APostHours = Hours(s => s.WindowNumber == w.Number, "A"),
            BPostHours = Hours(s => s.WindowNumber == w.Number, "B"),
        }).ToList();
        var clerkCodes = catalog.Definition.Clerks.Select(c => c.StaffCode)
            .Concat(byClerk.Keys.Where(k => catalog.FindClerk(k) is null).Order(StringComparer.Ordinal));
        var clerks = clerkCodes.Select(code => new ClerkStats(With(byClerk, outcomesByClerk, DutyCounts.Clerk, code))
        {
            StaffCode = code,
            Name = catalog.FindClerk(code)?.Name ?? code,
            Unit = catalog.FindClerk(code)?.Unit ?? "",
            APostHours = Hours(s => s.StaffCode == code, "A"),
            BPostHours = Hours(s => s.StaffCode == code, "B"),
            BPostWorkingDays = BPostWorkingDays(code),
        }).ToList();
        var hours = byHour.Select(h => new HourStats(h.Value) { Hour = int.Parse(h.Key, CultureInfo.InvariantCulture) }).OrderBy(h => h.Hour).ToList();

        var report = new StatsReport(range.FromKey, range.ToKey, catalog.ToOffset(time.GetUtcNow()), With(total, outcomesTotal, DutyCounts.All, "all"), services, windows, clerks, hours)
        {
            RatingReasons = await RatingReasonCounts.ReadAsync(read, catalog, range),
        };
        return report with { Ranking = SatisfactionRanking.Of(report, ratingRules.Value.RankingMinimumRatings) };
    }

    /// <summary>Local hour of an instant column, by the zone's offset at the start of the range (halls do not change clocks mid-range in China).</summary>
    public static string HourKey(HallCatalog catalog, HallDateRange range, string column = "issued_at") =>
        $"((({column} + {HourOffsetMs(catalog, range).ToString(CultureInfo.InvariantCulture)}) / 3600000) % 24)";

    /// <summary>The zone's offset at the start of the range, for the local hour of an instant.</summary>
    public static long HourOffsetMs(HallCatalog catalog, HallDateRange range) =>
        (long)catalog.TimeZone.GetUtcOffset(catalog.StartOfDay(range.From)).TotalMilliseconds;

    /// <summary>The hall's services with their target minutes at the window, as the ticket figures count them.</summary>
    public static IReadOnlyList<ServicePromise> Promises(HallCatalog catalog) =>
        catalog.Services.Select(s => new ServicePromise(catalog.HallId, s.Id, s.PromisedMinutes)).ToList();

    /// <summary>
    /// Every login in the range with its end: the window's next login or logout, else the end of that hall day or now,
    /// whichever comes first (a login replacing another ends it without a logout row).
    /// </summary>
    public async Task<IReadOnlyList<PostSession>> PostSessionsAsync(HistoryRead read, HallCatalog catalog, HallDateRange range)
    {
        var rows = await read.Connection.QueryAsync<(long WindowNumber, string? StaffCode, string? Detail, string HallDate, long At, long? NextAt)>(
            $"""
            WITH s AS (
                SELECT window_number, staff_code, detail, hall_date, kind, at,
                       LEAD(at) OVER (PARTITION BY window_number ORDER BY at, id) AS next_at
                FROM {read.Tables.Events}
                WHERE hall_id = @hall AND hall_date >= @from AND hall_date <= @to AND kind IN ('login', 'logout') AND window_number IS NOT NULL
            )
            SELECT CAST(window_number AS BIGINT) AS window_number, staff_code, detail, hall_date, at, next_at FROM s WHERE kind = 'login' ORDER BY at
            """,
            new { hall = catalog.HallId, from = range.FromKey, to = range.ToKey }, read.Transaction);
        var now = time.GetUtcNow().ToUnixMs();
        return rows.Select(r =>
        {
            var dayEnd = catalog.StartOfDay(DateOnly.ParseExact(r.HallDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1)).ToUnixMs();
            var end = Math.Min(r.NextAt ?? long.MaxValue, Math.Min(dayEnd, now));
            var post = r.Detail is { } d && d.StartsWith("post=", StringComparison.Ordinal) ? d[5..] : "A";
            return new PostSession((int)r.WindowNumber, r.StaffCode ?? "", post, r.At, Math.Max(end, r.At));
        }).ToList();
    }
}

/// <summary>A service's promised minutes at the window, as the statistics count them.</summary>
public sealed record ServicePromise(string HallId, int Id, int PromisedMinutes);

/// <summary>A clerk's time logged in at a window on one post, in Unix milliseconds.</summary>
public sealed record PostSession(int WindowNumber, string StaffCode, string Post, long StartMs, long EndMs)
{
    public TimeSpan Duration => TimeSpan.FromMilliseconds(EndMs - StartMs);

    /// <summary>Whether the session overlaps [from, to).</summary>
    public bool Overlaps(long fromMs, long toMs) => StartMs < toMs && EndMs > fromMs;
}
