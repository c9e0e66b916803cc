using System.Diagnostics;

namespace Hall.Benchmarks.Report;

/// <summary>Percentiles (nearest rank) of latencies in milliseconds.</summary>
public sealed record LatencySummary(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double MeanMs)
{
    public static LatencySummary FromTicks(IEnumerable<long> stopwatchTicks) =>
        FromMilliseconds(stopwatchTicks.Select(t => t * 1000.0 / Stopwatch.Frequency));

    public static LatencySummary FromMilliseconds(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1], sorted.Average());
    }

    private static double Rank(double[] sorted, double p)
    {
        var index = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
