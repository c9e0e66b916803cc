using Hall.QueueService.Statistics;

namespace Hall.QueueService.Tests.Statistics;

/// <summary>The rates derived from SQL sums.</summary>
public sealed class StatsFiguresTests
{
    [Fact]
    public void Satisfaction_counts_very_satisfied_satisfied_and_basically_satisfied_over_all_rated()
    {
        var f = StatsFigures.From(new TicketSums { Issued = 12, Served = 10, Rating5 = 4, Rating4 = 2, Rating3 = 1, Rating2 = 2, Rating1 = 1, WithinPromised = 9 }, 90_000);
        Assert.Equal(10, f.Rated);
        Assert.Equal(0.7, f.SatisfactionRate);
        Assert.Equal(1.0, f.RatedShare);
        Assert.Equal(0.9, f.WithinPromisedShare);
        Assert.Equal(90, f.P90WaitSeconds);
        Assert.Equal(4, f.RatingCounts["5"]);
        Assert.Equal(1, f.RatingCounts["1"]);
        Assert.Equal(4, f.VerySatisfied);
        Assert.Equal(1, f.VeryDissatisfied);
    }

    [Fact]
    public void Without_ratings_or_services_the_rates_are_empty_not_zero()
    {
        var f = StatsFigures.From(new TicketSums { Issued = 3, NoShow = 3 }, null);
        Assert.Null(f.SatisfactionRate);
        Assert.Null(f.RatedShare);
        Assert.Null(f.WithinPromisedShare);
        Assert.Null(f.AvgWaitSeconds);
        Assert.Equal(0, f.Rated);
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-22")]
    [InlineData("2026-13-01", "2026-12-01")]
    [InlineData("23.11.2026", "2026-11-23")]
    [InlineData(null, "2026-11-23")]
    [InlineData("2026-01-01", "2027-01-02")]
    public void Bad_ranges_are_refused(string? from, string? to) =>
        Assert.Throws<Hall.QueueService.Queue.QueueRuleException>(() => HallDateRange.Parse(from, to));

    [Fact]
    public void A_month_covers_its_days()
    {
        var range = HallDateRange.ParseMonth("2026-02");
        Assert.Equal("2026-02-01", range.FromKey);
        Assert.Equal("2026-02-28", range.ToKey);
    }

    [Fact]
    public void Csv_fields_are_quoted_and_formulas_defused()
    {
        Assert.Equal("\"a,b\"", MonthlyReportCsv.Escape("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", MonthlyReportCsv.Escape("say \"hi\""));
        Assert.Equal("'=SUM(A1)", MonthlyReportCsv.Escape("=SUM(A1)"));
        Assert.Equal("-1.5", MonthlyReportCsv.Escape("-1.5"));
    }
}
