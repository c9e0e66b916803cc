using System.Globalization;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Statistics;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Ratings;

/// <summary>
/// 评价结果公开 (GB/T 39734 10.1, Annex B): each window's and service's month of ratings, published without any
/// citizen's data. Ratings set aside by an upheld appeal are not published; 整改率 and 回访率 are over the 差评 that count.
/// </summary>
public sealed class PublicEvaluation(QueueDatabase database, HallCatalogHolder hall)
{
    public async Task<PublicEvaluationReport> ReadAsync(HallDateRange month, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        await using var read = await HistoryRead.OpenAsync(database, catalog.HallId, month, cancellationToken);
        var rows = (await read.Connection.QueryAsync<RatedRow>(
            $"""
            SELECT CAST(t.window_number AS BIGINT) AS window_number, CAST(t.service_id AS BIGINT) AS service_id, CAST(t.rating_level AS BIGINT) AS level,
                   CASE WHEN f.status = 'closed' THEN 1 ELSE 0 END AS rectified, CASE WHEN f.visit_at IS NOT NULL THEN 1 ELSE 0 END AS visited
            FROM {read.Tables.Tickets} t LEFT JOIN follow_ups f ON f.ticket_id = t.id
            WHERE t.hall_id = @hall AND t.hall_date >= @from AND t.hall_date <= @to AND t.rating_level IS NOT NULL
              AND (t.rating_excluded IS NULL OR t.rating_excluded = 0)
            """,
            new { hall = catalog.HallId, from = month.FromKey, to = month.ToKey }, read.Transaction)).ToList();
        var windows = catalog.Windows.Select(w => Figures(rows.Where(r => r.WindowNumber == w.Number)) with { WindowNumber = w.Number, Name = w.Name }).ToList();
        var services = catalog.Services.Select(s => Figures(rows.Where(r => r.ServiceId == s.Id)) with { ServiceId = s.Id, Name = s.Name }).ToList();
        return new PublicEvaluationReport(month.From.ToString("yyyy-MM", CultureInfo.InvariantCulture), catalog.Definition.Name, Figures(rows), windows, services);
    }

    private static PublicEvaluationFigures Figures(IEnumerable<RatedRow> slice)
    {
        var list = slice.ToList();
        var levels = Enumerable.Range(1, 5).ToDictionary(l => l.ToString(CultureInfo.InvariantCulture), l => (long)list.Count(r => r.Level == l));
        var bad = list.Where(r => r.Level <= 2).ToList();
        return new PublicEvaluationFigures
        {
            Ratings = list.Count,
            Levels = levels,
            SatisfactionRate = Share(list.Count(r => r.Level >= 3), list.Count),
            BadRatings = bad.Count,
            RectifiedRate = Share(bad.Count(r => r.Rectified == 1), bad.Count),
            FollowedUpRate = Share(bad.Count(r => r.Visited == 1), bad.Count),
        };
    }

    private static double? Share(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private sealed class RatedRow
    {
        public long? WindowNumber { get; set; }
        public long ServiceId { get; set; }
        public long Level { get; set; }
        public long Rectified { get; set; }
        public long Visited { get; set; }
    }
}

public sealed record PublicEvaluationReport(string Month, string Hall, PublicEvaluationFigures Total,
    IReadOnlyList<PublicEvaluationFigures> Windows, IReadOnlyList<PublicEvaluationFigures> Services);

/// <summary>A window's or service's published month: ratings per level "1"…"5", 满意率, 差评数, 差评整改率, 回访率.</summary>
public sealed record PublicEvaluationFigures
{
    public int? WindowNumber { get; init; }
    public int? ServiceId { get; init; }
    public string? Name { get; init; }
    public long Ratings { get; init; }
    public IReadOnlyDictionary<string, long> Levels { get; init; } = new Dictionary<string, long>();
    public double? SatisfactionRate { get; init; }
    public long BadRatings { get; init; }
    public double? RectifiedRate { get; init; }
    public double? FollowedUpRate { get; init; }
}
