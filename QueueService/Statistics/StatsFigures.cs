namespace Hall.QueueService.Statistics;

/// <summary>The figures of one slice of tickets (a service, a window, a clerk, an hour, or everything).</summary>
public record StatsFigures
{
    public long Issued { get; init; }
    public long Served { get; init; }
    public long NoShow { get; init; }
    public long Cancelled { get; init; }
    public long Transferred { get; init; }
    /// <summary>Issued → first call, over tickets that were called.</summary>
    public double? AvgWaitSeconds { get; init; }
    /// <summary>Nearest-rank 90th percentile of the wait.</summary>
    public double? P90WaitSeconds { get; init; }
    /// <summary>Started → finished, over served tickets.</summary>
    public double? AvgServiceSeconds { get; init; }
    /// <summary>Ratings that count: those set aside by an upheld appeal (申诉复核) are left out here and counted in <see cref="ExcludedRatings"/>.</summary>
    public long Rated { get; init; }
    /// <summary>Ratings set aside by an upheld appeal: in no level count and no rate.</summary>
    public long ExcludedRatings { get; init; }
    /// <summary>Count per rating level, "1" (非常不满意) … "5" (非常满意).</summary>
    public IReadOnlyDictionary<string, long> RatingCounts { get; init; } = new Dictionary<string, long>();
    public long VerySatisfied { get; init; }
    public long Satisfied { get; init; }
    public long BasicallySatisfied { get; init; }
    public long Dissatisfied { get; init; }
    public long VeryDissatisfied { get; init; }
    /// <summary>(非常满意 + 满意 + 基本满意) / rated, 0–1; null without ratings.</summary>
    public double? SatisfactionRate { get; init; }
    /// <summary>Rated / served, 0–1.</summary>
    public double? RatedShare { get; init; }
    /// <summary>Served with a service time within the service's promised minutes (承诺时限).</summary>
    public long ServedWithinPromised { get; init; }
    public double? WithinPromisedShare { get; init; }
    /// <summary>Mean absolute error of the wait estimate told at issue against the real wait, in minutes, over called tickets.</summary>
    public double? WaitEstimateErrorMinutes { get; init; }
    /// <summary>办件结果: finished tickets per outcome (completed, accepted, supplement, refused, consulted).</summary>
    public IReadOnlyDictionary<string, long> Outcomes { get; init; } = EmptyOutcomes;
    /// <summary>当天办结率: completed ÷ (completed + accepted + supplement), 0–1.</summary>
    public double? SameDayCompletionRate { get; init; }
    /// <summary>即办件率: completed ÷ finished visits other than consultations, 0–1.</summary>
    public double? OnTheSpotRate { get; init; }
    /// <summary>承诺件 whose due date falls in the range.</summary>
    public long PromisedDue { get; init; }
    /// <summary>Of <see cref="PromisedDue"/>: completed after the due date, or still open after it (承诺件逾期).</summary>
    public long PromisedOverdue { get; init; }
    /// <summary>延时服务: visits finished after closing time, or on a day the hall is closed.</summary>
    public long AfterHoursServed { get; init; }

    /// <summary>The figures with the slice's 承诺件 due and overdue and its after-hours visits.</summary>
    public StatsFigures WithDuty(long promisedDue, long promisedOverdue, long afterHours) =>
        this with { PromisedDue = promisedDue, PromisedOverdue = promisedOverdue, AfterHoursServed = afterHours };

    private static readonly IReadOnlyDictionary<string, long> EmptyOutcomes =
        new[] { "completed", "accepted", "supplement", "refused", "consulted" }.ToDictionary(k => k, _ => 0L);

    /// <summary>The figures with the outcome counts of the same slice and the two rates officials report.</summary>
    public StatsFigures WithOutcomes(IReadOnlyDictionary<string, long>? counts)
    {
        var all = EmptyOutcomes.ToDictionary(e => e.Key, e => counts?.GetValueOrDefault(e.Key) ?? 0L);
        var completed = all["completed"];
        return this with
        {
            Outcomes = all,
            SameDayCompletionRate = Share(completed, completed + all["accepted"] + all["supplement"]),
            OnTheSpotRate = Share(completed, all.Values.Sum() - all["consulted"]),
        };
    }

    /// <summary>Derives the rates from the sums SQL gives.</summary>
    public static StatsFigures From(TicketSums sums, double? p90WaitMs)
    {
        long[] levels = [sums.Rating1, sums.Rating2, sums.Rating3, sums.Rating4, sums.Rating5];
        var rated = levels.Sum();
        return new StatsFigures
        {
            Issued = sums.Issued,
            Served = sums.Served,
            NoShow = sums.NoShow,
            Cancelled = sums.Cancelled,
            Transferred = sums.Transferred,
            AvgWaitSeconds = Seconds(sums.AvgWaitMs),
            P90WaitSeconds = Seconds(p90WaitMs),
            AvgServiceSeconds = Seconds(sums.AvgServiceMs),
            Rated = rated,
            ExcludedRatings = sums.ExcludedRatings,
            RatingCounts = Enumerable.Range(1, 5).ToDictionary(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture), l => levels[l - 1]),
            VerySatisfied = sums.Rating5,
            Satisfied = sums.Rating4,
            BasicallySatisfied = sums.Rating3,
            Dissatisfied = sums.Rating2,
            VeryDissatisfied = sums.Rating1,
            SatisfactionRate = Share(sums.Rating5 + sums.Rating4 + sums.Rating3, rated),
            RatedShare = Share(rated, sums.Served),
            ServedWithinPromised = sums.WithinPromised,
            WithinPromisedShare = Share(sums.WithinPromised, sums.Served),
            WaitEstimateErrorMinutes = sums.EstimateErrorMinutes is { } e ? Math.Round(e, 1, MidpointRounding.AwayFromZero) : null,
        };
    }

    public static double? Share(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static double? Seconds(double? ms) => ms is { } v ? Math.Round(v / 1000, 1) : null;
}

/// <summary>One row of the SQL aggregate over tickets.</summary>
public sealed class TicketSums
{
    public string Key { get; set; } = "";
    public long Issued { get; set; }
    public long Served { get; set; }
    public long NoShow { get; set; }
    public long Cancelled { get; set; }
    public long Transferred { get; set; }
    public double? AvgWaitMs { get; set; }
    public double? AvgServiceMs { get; set; }
    public long Rating1 { get; set; }
    public long Rating2 { get; set; }
    public long Rating3 { get; set; }
    public long Rating4 { get; set; }
    public long Rating5 { get; set; }
    public long ExcludedRatings { get; set; }
    public long WithinPromised { get; set; }
    public double? EstimateErrorMinutes { get; set; }
}

public sealed record ServiceStats : StatsFigures
{
    public ServiceStats()
    {
    }

    public ServiceStats(StatsFigures figures) : base(figures)
    {
    }

    public int ServiceId { get; init; }
    public string ServiceName { get; init; } = "";
    public string Category { get; init; } = "";
    public int PromisedMinutes { get; init; }
}

public sealed record WindowStats : StatsFigures
{
    public WindowStats()
    {
    }

    public WindowStats(StatsFigures figures) : base(figures)
    {
    }

    public int WindowNumber { get; init; }
    public string WindowName { get; init; } = "";
    /// <summary>Hours a clerk was logged in on the A post (主岗) and the B post (AB岗 backup).</summary>
    public double APostHours { get; init; }
    public double BPostHours { get; init; }
}

public sealed record ClerkStats : StatsFigures
{
    public ClerkStats()
    {
    }

    public ClerkStats(StatsFigures figures) : base(figures)
    {
    }

    public string StaffCode { get; init; } = "";
    public string Name { get; init; } = "";
    public string Unit { get; init; } = "";
    public double APostHours { get; init; }
    public double BPostHours { get; init; }
    /// <summary>Working days (by the hall calendar) on which the clerk covered a B post (AB岗: at most 20 at a time, 40 a year).</summary>
    public int BPostWorkingDays { get; init; }
}

public sealed record HourStats : StatsFigures
{
    public HourStats()
    {
    }

    public HourStats(StatsFigures figures) : base(figures)
    {
    }

    /// <summary>Local hour of issue, 0–23.</summary>
    public int Hour { get; init; }
}

/// <summary>The answer of <c>GET /api/stats</c>.</summary>
public sealed record StatsReport(
    string From,
    string To,
    DateTimeOffset GeneratedAt,
    StatsFigures Total,
    IReadOnlyList<ServiceStats> Services,
    IReadOnlyList<WindowStats> Windows,
    IReadOnlyList<ClerkStats> Clerks,
    IReadOnlyList<HourStats> Hours)
{
    /// <summary>How often each reason was ticked under each level (评价选项统计).</summary>
    public IReadOnlyList<RatingReasonCount> RatingReasons { get; init; } = [];

    /// <summary>Windows and clerks ranked by satisfaction, among those with enough ratings (满意度排名).</summary>
    public SatisfactionRanking Ranking { get; init; } = new(0, [], []);
}
