using Hall.QueueService.Ratings;
using Microsoft.Extensions.Options;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Queue.Outcomes;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Statistics;

/// <summary>
/// Statistics over a range of hall days, aggregated in SQL that runs on both SQLite and PostgreSQL: sums and averages
/// by GROUP BY, the 90th percentile by ROW_NUMBER/COUNT window functions (nearest rank), post hours by LEAD over the
/// login and logout events. Only aggregates and one row per login come back, never every ticket or event. Tickets and
/// events of ranges with archived days are read through the <c>ticket_history</c> and <c>event_history</c> views, so
/// archived days count the same (see <see cref="HistoryTables"/>).
/// </summary>
public sealed class StatisticsQueries(QueueDatabase database, HallCatalogHolder hall, TimeProvider time, IOptions<RatingRulesOptions> ratingRules)
{
    private const string KeyTotal = "'all'";
    private const string KeyService = "service_id";
    private const string KeyWindow = "window_number";
    private const string KeyClerk = "staff_code";

    public async Task<StatsReport> GetReportAsync(HallDateRange range, CancellationToken cancellationToken = default)
    {
        await using var read = await HistoryRead.OpenAsync(database, hall.Current.HallId, range, cancellationToken);
        return await GetReportAsync(read, range);
    }

    /// <summary>The report, every figure read in the given snapshot.</summary>
    public async Task<StatsReport> GetReportAsync(HistoryRead read, HallDateRange range)
    {
        var catalog = hall.Current;
        var total = await FiguresByAsync(read, catalog, range, KeyTotal);
        var byService = await FiguresByAsync(read, catalog, range, KeyService);
        var byWindow = await FiguresByAsync(read, catalog, range, KeyWindow);
        var byClerk = await FiguresByAsync(read, catalog, range, KeyClerk);
        var byHour = await FiguresByAsync(read, catalog, range, HourKey(catalog, range));
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
    public static string HourKey(HallCatalog catalog, HallDateRange range, string column = "issued_at")
    {
        var offsetMs = (long)catalog.TimeZone.GetUtcOffset(catalog.StartOfDay(range.From)).TotalMilliseconds;
        return $"((({column} + {offsetMs.ToString(CultureInfo.InvariantCulture)}) / 3600000) % 24)";
    }

    /// <summary>Ticket figures grouped by a key expression (a column, an hour, or a constant for the total).</summary>
    public static Task<Dictionary<string, StatsFigures>> FiguresByAsync(HistoryRead read, HallCatalog catalog, HallDateRange range, string keyExpression) =>
        FiguresByAsync(read, [catalog.HallId], catalog.Services.Select(s => new ServicePromise(catalog.HallId, s.Id, s.PromisedMinutes)).ToList(), range, keyExpression);

    /// <summary>
    /// The same figures for any halls whose tickets the read's tables hold: this hall's own, or on a city server the
    /// halls that uplink to it, one or all together (their services' promised minutes come with their batches).
    /// </summary>
    public static async Task<Dictionary<string, StatsFigures>> FiguresByAsync(HistoryRead read, IReadOnlyList<string> hallIds, IReadOnlyList<ServicePromise> services,
        HallDateRange range, string keyExpression)
    {
        var (connection, tables) = (read.Connection, read.Tables);
        var halls = hallIds.Count == 1 ? "hall_id = @hall" : $"hall_id IN ({string.Join(", ", hallIds.Select(Literal))})";
        var args = new
        {
            hall = hallIds[0],
            from = range.FromKey,
            to = range.ToKey,
            done = (int)TicketStatus.Done,
            noShow = (int)TicketStatus.NoShow,
            cancelled = (int)TicketStatus.Cancelled,
        };
        var sums = await connection.QueryAsync<TicketSums>(
            $"""
            WITH t AS (
                SELECT {keyExpression} AS k, status, issued_at, called_at, started_at, finished_at, transfer_count, CASE WHEN rating_excluded = 1 THEN NULL ELSE rating_level END AS rating_level,
                       CASE WHEN rating_excluded = 1 THEN 1 ELSE 0 END AS excluded, estimated_wait_minutes,
                       {PromisedMsCase(services)} AS promised_ms
                FROM {tables.Tickets} WHERE {halls} AND hall_date >= @from AND hall_date <= @to
            )
            SELECT CAST(k AS TEXT) AS key,
                COUNT(*) AS issued,
                SUM(CASE WHEN status = @done THEN 1 ELSE 0 END) AS served,
                SUM(CASE WHEN status = @noShow THEN 1 ELSE 0 END) AS no_show,
                SUM(CASE WHEN status = @cancelled THEN 1 ELSE 0 END) AS cancelled,
                SUM(CASE WHEN transfer_count > 0 THEN 1 ELSE 0 END) AS transferred,
                CAST(AVG(CASE WHEN called_at IS NOT NULL THEN called_at - issued_at END) AS DOUBLE PRECISION) AS avg_wait_ms,
                CAST(AVG(CASE WHEN status = @done AND started_at IS NOT NULL AND finished_at IS NOT NULL THEN finished_at - started_at END) AS DOUBLE PRECISION) AS avg_service_ms,
                SUM(CASE WHEN rating_level = 1 THEN 1 ELSE 0 END) AS rating1,
                SUM(CASE WHEN rating_level = 2 THEN 1 ELSE 0 END) AS rating2,
                SUM(CASE WHEN rating_level = 3 THEN 1 ELSE 0 END) AS rating3,
                SUM(CASE WHEN rating_level = 4 THEN 1 ELSE 0 END) AS rating4,
                SUM(CASE WHEN rating_level = 5 THEN 1 ELSE 0 END) AS rating5,
                SUM(excluded) AS excluded_ratings,
                SUM(CASE WHEN status = @done AND started_at IS NOT NULL AND finished_at - started_at <= promised_ms THEN 1 ELSE 0 END) AS within_promised,
                CAST(AVG(CASE WHEN called_at IS NOT NULL THEN ABS((called_at - issued_at) / 60000.0 - estimated_wait_minutes) END) AS DOUBLE PRECISION) AS estimate_error_minutes
            FROM t WHERE k IS NOT NULL GROUP BY k
            """, args, read.Transaction);
        var p90 = (await connection.QueryAsync<(string Key, long WaitMs)>(
            $"""
            WITH w AS (
                SELECT {keyExpression} AS k, called_at - issued_at AS wait_ms
                FROM {tables.Tickets} WHERE {halls} AND hall_date >= @from AND hall_date <= @to AND called_at IS NOT NULL
            ), r AS (
                SELECT k, wait_ms, ROW_NUMBER() OVER (PARTITION BY k ORDER BY wait_ms) AS rn, COUNT(*) OVER (PARTITION BY k) AS n
                FROM w WHERE k IS NOT NULL
            )
            SELECT CAST(k AS TEXT) AS key, wait_ms FROM r WHERE rn = (9 * n + 9) / 10
            """, args, read.Transaction)).ToDictionary(r => r.Key, r => (double?)r.WaitMs);
        return sums.ToDictionary(s => s.Key, s => StatsFigures.From(s, p90.GetValueOrDefault(s.Key)));
    }

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

    /// <summary>The promised minutes (承诺时限) of each service as a SQL CASE; the values are the hall file's integers.</summary>
    private static string PromisedMsCase(IReadOnlyList<ServicePromise> services)
    {
        if (services.Select(s => s.HallId).Distinct().Count() > 1)
        {
            var many = new StringBuilder("CASE");
            foreach (var service in services)
            {
                many.Append(CultureInfo.InvariantCulture, $" WHEN hall_id = {Literal(service.HallId)} AND service_id = {service.Id} THEN {service.PromisedMinutes * 60_000L}");
            }
            return many.Append(" ELSE NULL END").ToString();
        }
        var sql = new StringBuilder("CASE service_id");
        foreach (var service in services)
        {
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {service.Id} THEN {service.PromisedMinutes * 60_000L}");
        }
        return sql.Append(" ELSE NULL END").ToString();
    }

    /// <summary>A hall id as an SQL literal (ids are letters, digits, - and _; quotes are doubled all the same).</summary>
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
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
