using System.Globalization;

namespace Hall.Benchmarks;

/// <summary>
/// Command line: <c>--quick</c> for the small sizes, <c>--out FILE</c> for the JSON figures, <c>--abuse</c> for the flood
/// of the anonymous endpoints instead of the performance stages, <c>--city</c> for many halls uplinking to a city,
/// <c>--only issue,board</c> for some stages, <c>--profile DIR</c> for a sampled profile of the issuing server.
/// </summary>
public sealed record BenchmarkOptions(bool Quick, string? OutFile, bool MicroWithBenchmarkDotNet, bool Abuse = false, bool City = false,
    IReadOnlySet<string>? Only = null, string? ProfileDirectory = null)
{
    /// <summary>The stages <c>--only</c> may name, in the order they run.</summary>
    public static readonly IReadOnlyList<string> StageNames = ["issue", "board", "strip", "rating", "codec", "print", "month", "memory", "postgres"];

    /// <summary>Whether the run includes <paramref name="stage"/> (all stages without <c>--only</c>).</summary>
    public bool Runs(string stage) => Only is null || Only.Contains(stage);

    /// <summary><c>--city</c>: simulated halls uploading a working day each to one city server.</summary>
    public int CityHalls => 100;

    public int CityTicketsPerHall => Quick ? 300 : 3000;

    /// <summary>Client addresses flooding in <c>--abuse</c> mode (each sends remote tickets, bookings and window logins).</summary>
    public int FloodAddresses => Quick ? 10 : 30;

    public int Kiosks => 50;

    public int Displays => Quick ? 100 : 500;

    /// <summary>Full mode also measures call to board against the bare hub at these counts, so the growth is visible.</summary>
    public IReadOnlyList<int> MoreDisplayCounts => Quick ? [] : [100, 250, 1000];

    public TimeSpan IssueDuration => TimeSpan.FromSeconds(10);

    /// <summary>The open-loop stage's offered load: far above a hall's peak of tens of tickets a minute.</summary>
    public int OpenLoopTicketsPerSecond => 300;

    /// <summary>
    /// Long enough for tiered compilation to settle: with 1 s the JIT's background thread still took 13 % of the
    /// server's CPU during the measured 10 s (perf, 2026-12-04), which is start-up, not a hall's working day.
    /// </summary>
    public TimeSpan IssueWarmUp => TimeSpan.FromSeconds(Quick ? 5 : 10);

    public int Calls => Quick ? 100 : 300;

    public int Ratings => Quick ? 20 : 100;

    public int StripCalls => Quick ? 20 : 100;

    /// <summary>The memory stage's day: the issue's 5 000 tickets with 500 displays in full mode, a fifth of it in quick mode.</summary>
    public int MemoryTicketsPerDay => Quick ? 1000 : 5000;

    public int MemoryDisplays => Quick ? 100 : 500;

    /// <summary>The issue asks that a second such day not grow it; the quick mode checks a third too (its days are short).</summary>
    public int MemoryDays => Quick ? 3 : 2;

    /// <summary>The issue asks for a busy month of 100 000 tickets in both modes.</summary>
    public int MonthTickets => 100_000;

    /// <summary>The statistics' growth curve beside <see cref="MonthTickets"/>; a million (a big hall's year) in full mode only, for its seeding time.</summary>
    public IReadOnlyList<int> MonthCurveTickets => Quick ? [10_000] : [10_000, 1_000_000];

    /// <summary>Pause between calls, so that one call's follow-up traffic (finish, queue counts) settles before the next is timed.</summary>
    public TimeSpan CallSpacing => TimeSpan.FromMilliseconds(100);

    public string Mode => Quick ? "quick" : "full";

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        string? outFile = null;
        var noBdn = false;
        var abuse = false;
        var city = false;
        HashSet<string>? only = null;
        string? profile = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--out" when i + 1 < args.Count:
                    outFile = args[++i];
                    break;
                case "--no-bdn":
                    noBdn = true;
                    break;
                case "--abuse":
                    abuse = true;
                    break;
                case "--city":
                    city = true;
                    break;
                case "--only" when i + 1 < args.Count:
                    only = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    if (only.FirstOrDefault(s => !StageNames.Contains(s)) is { } unknown)
                    {
                        throw new ArgumentException($"Unknown stage '{unknown}' after --only. Stages: {string.Join(", ", StageNames)}.");
                    }
                    break;
                case "--profile" when i + 1 < args.Count:
                    profile = Path.GetFullPath(args[++i]);
                    break;
                default:
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                        "Unknown argument '{0}'. Use: [--quick] [--out FILE] [--no-bdn] [--only STAGE,…] [--profile DIR] [--abuse | --city]", args[i]));
            }
        }
        // BenchmarkDotNet's careful runs take minutes: full mode only, so that quick mode stays under five minutes.
        return new BenchmarkOptions(quick, outFile, MicroWithBenchmarkDotNet: !quick && !noBdn && !abuse && !city && only is null, abuse, city,
            only, profile);
    }
}
