using System.Globalization;

namespace Hall.Benchmarks;

/// <summary>
/// Command line: <c>--quick</c> for the small sizes, <c>--out FILE</c> for the JSON figures, <c>--abuse</c> for the flood
/// of the anonymous endpoints instead of the performance stages, <c>--city</c> for many halls uplinking to a city.
/// </summary>
public sealed record BenchmarkOptions(bool Quick, string? OutFile, bool MicroWithBenchmarkDotNet, bool Abuse = false, bool City = false)
{
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

    public TimeSpan IssueWarmUp => TimeSpan.FromSeconds(Quick ? 1 : 3);

    public int Calls => Quick ? 100 : 300;

    public int Ratings => Quick ? 20 : 100;

    public int StripCalls => Quick ? 20 : 100;

    /// <summary>The issue asks for a busy month of 100 000 tickets in both modes.</summary>
    public int MonthTickets => 100_000;

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
                default:
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                        "Unknown argument '{0}'. Use: [--quick] [--out FILE] [--no-bdn] [--abuse | --city]", args[i]));
            }
        }
        // BenchmarkDotNet's careful runs take minutes: full mode only, so that quick mode stays under five minutes.
        return new BenchmarkOptions(quick, outFile, MicroWithBenchmarkDotNet: !quick && !noBdn && !abuse && !city, abuse, city);
    }
}
