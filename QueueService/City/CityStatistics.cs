using System.Text.Json;
using Dapper;
using Hall.QueueService.Queue;
using Hall.QueueService.Queue.Outcomes;
using Hall.QueueService.Statistics;
using Hall.QueueService.Storage;
using Hall.QueueService.Uplink;

namespace Hall.QueueService.City;

/// <summary>One hall's figures on the city server: the same figures a hall's <c>/api/stats</c> gives per service, plus its 差评整改.</summary>
public sealed record HallStats : StatsFigures
{
    public HallStats(StatsFigures figures) : base(figures)
    {
    }

    public required string HallId { get; init; }
    public required string HallName { get; init; }
    /// <summary>差评 whose follow-up was opened in the range.</summary>
    public long BadRatingFollowUps { get; init; }
    /// <summary>差评整改率: of those, the share closed with the 整改 taken.</summary>
    public double? RectifiedRate { get; init; }
}

public sealed record CityStatsReport(string From, string To, DateTimeOffset GeneratedAt, IReadOnlyList<HallStats> Halls, HallStats Total);

/// <summary>
/// The city's statistics over its halls' uplinked records, summed by the very code a hall's statistics use
/// (<see cref="TicketFigures"/>) on the city's tables in one pass: per hall, and all halls together (so the total's
/// 90th percentile is of every wait, not a mean of halls').
/// </summary>
public sealed class CityStatistics(QueueDatabase database, CityHallsTable halls, TimeProvider time)
{
    public async Task<CityStatsReport> GetAsync(HallDateRange range, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await halls.ListAsync(cancellationToken);
        await using var read = await HistoryRead.OpenCityAsync(database, cancellationToken);
        var perHall = new List<HallStats>();
        var allPromises = rows.SelectMany(Promises).ToList();
        var figuresOf = rows.Count == 0 ? null
            : await TicketFigures.ReadAsync(read, rows.Select(h => h.HallId).ToList(), allPromises, range, [TicketFigures.ByHall, TicketFigures.Total]);
        var allOutcomes = new Dictionary<string, long>();
        var (allOpened, allClosed) = (0L, 0L);
        foreach (var hall in rows)
        {
            var figures = figuresOf!["hall"].GetValueOrDefault(hall.HallId) ?? Empty;
            var outcomes = TicketOutcomesTable.SumBy(await TicketOutcomesTable.CountAsync(read, hall.HallId, range.FromKey, range.ToKey), _ => "all")
                .GetValueOrDefault("all") ?? [];
            foreach (var (kind, count) in outcomes)
            {
                allOutcomes[kind] = allOutcomes.GetValueOrDefault(kind) + count;
            }
            var (opened, closed) = await FollowUpsAsync(read, hall.HallId, range);
            (allOpened, allClosed) = (allOpened + opened, allClosed + closed);
            perHall.Add(Of(figures.WithOutcomes(outcomes), hall.HallId, hall.Name, opened, closed));
        }
        var sum = figuresOf?["all"].GetValueOrDefault("all") ?? Empty;
        var total = Of(sum.WithOutcomes(allOutcomes), "", "合计", allOpened, allClosed);
        return new CityStatsReport(range.FromKey, range.ToKey, now, perHall, total);
    }

    /// <summary>Today's issued, served and waiting of one hall, by the hall's own date.</summary>
    public async Task<(long Issued, long Served, long Waiting)> TodayAsync(CityHallRow hall, CancellationToken cancellationToken)
    {
        var zone = TimeZoneOf(hall);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime).ToKey();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<(long, long, long)>(
            """
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = @done THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN status = @waiting THEN 1 ELSE 0 END), 0)
            FROM city_tickets WHERE hall_id = @hall AND hall_date = @today
            """, new { hall = hall.HallId, today, done = (int)Contracts.Api.TicketStatus.Done, waiting = (int)Contracts.Api.TicketStatus.Waiting });
    }

    public static UplinkProfile? ProfileOf(CityHallRow hall) =>
        hall.Profile is { } json ? JsonSerializer.Deserialize<UplinkProfile>(json, UplinkJson.Options) : null;

    private static TimeZoneInfo TimeZoneOf(CityHallRow hall) =>
        ProfileOf(hall)?.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Local;

    private static List<ServicePromise> Promises(CityHallRow hall) =>
        ProfileOf(hall)?.Services.Select(s => new ServicePromise(hall.HallId, s.Id, s.PromisedMinutes)).ToList() ?? [];

    private static async Task<(long Opened, long Closed)> FollowUpsAsync(HistoryRead read, string hallId, HallDateRange range) =>
        await read.Connection.QuerySingleAsync<(long, long)>(
            """
            SELECT COUNT(DISTINCT o.ticket_id), COUNT(DISTINCT c.ticket_id)
            FROM city_events o LEFT JOIN city_events c ON c.hall_id = o.hall_id AND c.ticket_id = o.ticket_id AND c.kind = 'followUpClosed'
            WHERE o.hall_id = @hallId AND o.kind = 'followUpOpened' AND o.hall_date >= @from AND o.hall_date <= @to
            """, new { hallId, from = range.FromKey, to = range.ToKey }, read.Transaction);

    private static HallStats Of(StatsFigures figures, string id, string name, long opened, long closed) => new(figures)
    {
        HallId = id,
        HallName = name,
        BadRatingFollowUps = opened,
        RectifiedRate = opened == 0 ? null : Math.Round((double)closed / opened, 4),
    };

    private static readonly StatsFigures Empty = StatsFigures.From(new TicketSums(), null);
}
