namespace Hall.QueueService.Statistics;

/// <summary>
/// The month's satisfaction ranking of windows and clerks (the ground of a hall's 红旗窗口 choice): only those with at
/// least <see cref="MinimumRatings"/> ratings that count are ranked, by satisfaction rate, then by more ratings.
/// Equal rates and counts share a rank.
/// </summary>
public sealed record SatisfactionRanking(int MinimumRatings, IReadOnlyList<RankedEntry> Windows, IReadOnlyList<RankedEntry> Clerks)
{
    public static SatisfactionRanking Of(StatsReport report, int minimumRatings) => new(
        minimumRatings,
        Rank(report.Windows.Select(w => (w.WindowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), w.WindowName, (StatsFigures)w)), minimumRatings),
        Rank(report.Clerks.Select(c => (c.StaffCode, c.Name, (StatsFigures)c)), minimumRatings));

    private static List<RankedEntry> Rank(IEnumerable<(string Id, string Name, StatsFigures Figures)> slices, int minimum)
    {
        var ordered = slices.Where(s => s.Figures.Rated >= minimum && s.Figures.SatisfactionRate is not null)
            .OrderByDescending(s => s.Figures.SatisfactionRate).ThenByDescending(s => s.Figures.Rated).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var ranked = new List<RankedEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (id, name, f) = ordered[i];
            var rank = i > 0 && ranked[i - 1].SatisfactionRate == f.SatisfactionRate && ranked[i - 1].Rated == f.Rated ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedEntry(rank, id, name, f.Rated, f.SatisfactionRate!.Value, f.Dissatisfied + f.VeryDissatisfied));
        }
        return ranked;
    }
}

/// <summary>One ranked window (id = its number) or clerk (id = staff code).</summary>
public sealed record RankedEntry(int Rank, string Id, string Name, long Rated, double SatisfactionRate, long BadRatings);
