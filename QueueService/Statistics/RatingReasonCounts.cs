using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Ratings;

namespace Hall.QueueService.Statistics;

/// <summary>How often each reason was ticked under each level, over the ratings that count (an upheld appeal's are left out).</summary>
public sealed record RatingReasonCount(int Level, string Code, string Text, long Count);

public static class RatingReasonCounts
{
    public static async Task<IReadOnlyList<RatingReasonCount>> ReadAsync(HistoryRead read, HallCatalog catalog, HallDateRange range)
    {
        var rows = await read.Connection.QueryAsync<(long Level, string Reasons)>(
            $"""
            SELECT CAST(rating_level AS BIGINT) AS level, rating_reasons AS reasons FROM {read.Tables.Tickets}
            WHERE hall_id = @hall AND hall_date >= @from AND hall_date <= @to AND rating_reasons IS NOT NULL AND (rating_excluded IS NULL OR rating_excluded = 0)
            """,
            new { hall = catalog.HallId, from = range.FromKey, to = range.ToKey }, read.Transaction);
        var counts = rows.SelectMany(r => RatingReasons.FromColumn(r.Reasons).Select(code => ((int)r.Level, code)))
            .CountBy(k => k).ToDictionary(e => e.Key, e => (long)e.Value);
        // Every option of the hall, with its count (0 too), then codes no longer offered but still in the record.
        var offered = catalog.Definition.RatingOptions.OrderByDescending(l => l.Key)
            .SelectMany(l => l.Value.Select(o => new RatingReasonCount(l.Key, o.Code, o.Text, counts.GetValueOrDefault((l.Key, o.Code)))))
            .ToList();
        var retired = counts.Where(c => !offered.Any(o => o.Level == c.Key.Item1 && o.Code == c.Key.Item2))
            .Select(c => new RatingReasonCount(c.Key.Item1, c.Key.Item2, c.Key.Item2, c.Value));
        return [.. offered, .. retired];
    }
}
