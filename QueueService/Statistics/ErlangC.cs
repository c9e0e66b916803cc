namespace Hall.QueueService.Statistics;

/// <summary>
/// Erlang C (M/M/N queue): the chance a citizen waits at all, the chance the wait stays within a target, and the
/// fewest windows that meet a service level. Computed through the Erlang B recursion, which stays stable for large N.
/// </summary>
public static class ErlangC
{
    /// <summary>Erlang B blocking probability for <paramref name="servers"/> servers and offered load A (erlangs).</summary>
    public static double ErlangB(int servers, double load)
    {
        var b = 1.0;
        for (var k = 1; k <= servers; k++)
        {
            b = load * b / (k + load * b);
        }
        return b;
    }

    /// <summary>Probability an arrival has to wait; 1 when the servers cannot keep up (N ≤ A).</summary>
    public static double ProbabilityOfWaiting(int servers, double load)
    {
        if (servers <= load)
        {
            return 1.0;
        }
        var b = ErlangB(servers, load);
        return servers * b / (servers - load * (1 - b));
    }

    /// <summary>P(wait ≤ target) = 1 − C(N, A)·e^(−(N − A)·target / service time).</summary>
    public static double ServiceLevel(int servers, double load, double serviceSeconds, double targetSeconds)
    {
        if (servers <= load)
        {
            return 0.0;
        }
        if (serviceSeconds <= 0)
        {
            return 1.0;
        }
        return 1 - ProbabilityOfWaiting(servers, load) * Math.Exp(-(servers - load) * targetSeconds / serviceSeconds);
    }

    /// <summary>
    /// The smallest N &gt; load with P(wait ≤ target) ≥ <paramref name="serviceLevel"/>; at least 1 when anyone arrived, 0 when nobody did.
    /// </summary>
    public static int RequiredServers(double arrivalsPerHour, double serviceSeconds, double targetSeconds, double serviceLevel)
    {
        if (arrivalsPerHour <= 0)
        {
            return 0;
        }
        var load = arrivalsPerHour * Math.Max(serviceSeconds, 0) / 3600.0;
        var servers = Math.Max(1, (int)Math.Floor(load) + 1);
        while (ServiceLevel(servers, load, serviceSeconds, targetSeconds) < serviceLevel && servers < 10_000)
        {
            servers++;
        }
        return servers;
    }
}
