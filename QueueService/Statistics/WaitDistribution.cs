using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Statistics;

/// <summary>One bar of the wait distribution: tickets first called after waiting from <c>FromMinutes</c> up to <c>ToMinutes</c> (open-ended when null).</summary>
public sealed record WaitBucket(int FromMinutes, int? ToMinutes, long Tickets);

public sealed record WaitDistributionReport(string Date, IReadOnlyList<WaitBucket> Buckets);

/// <summary>
/// How long the tickets of one day waited before their first call, in the bands a 值班长 speaks of. Reads the live
/// tickets table: today and any day not yet archived (archived days keep only the per-hour figures).
/// </summary>
public sealed class WaitDistribution(QueueDatabase database, HallCatalogHolder hall)
{
    private static readonly int[] Edges = [0, 5, 10, 15, 20, 30, 45, 60];

    public async Task<WaitDistributionReport> GetDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var waits = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT called_at - issued_at FROM tickets WHERE hall_id = @hall AND hall_date = @date AND called_at IS NOT NULL",
            new { hall = hall.Current.HallId, date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken));
        var counts = new long[Edges.Length];
        foreach (var ms in waits)
        {
            var minutes = ms / 60000.0;
            var band = Array.FindLastIndex(Edges, e => minutes >= e);
            counts[Math.Max(0, band)]++;
        }
        var buckets = Edges.Select((from, i) => new WaitBucket(from, i + 1 < Edges.Length ? Edges[i + 1] : null, counts[i])).ToList();
        return new WaitDistributionReport(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), buckets);
    }
}
