using Hall.QueueService.Statistics;

namespace Hall.QueueService.Tests.Statistics;

/// <summary>Erlang B and C against published table values, and the staffing rule built on them.</summary>
public sealed class ErlangCTests
{
    [Theory]
    // Erlang B tables: offered load (erlangs), lines, blocking probability.
    [InlineData(2.0, 5, 0.0367)]
    [InlineData(5.0, 10, 0.0184)]
    [InlineData(10.0, 10, 0.2146)]
    public void Erlang_B_matches_the_tables(double load, int servers, double expected) =>
        Assert.Equal(expected, ErlangC.ErlangB(servers, load), 4);

    [Theory]
    // Erlang C tables for 10 erlangs: probability of waiting with 11 to 14 agents.
    [InlineData(11, 0.6821)]
    [InlineData(12, 0.4494)]
    [InlineData(13, 0.2853)]
    [InlineData(14, 0.1741)]
    public void Erlang_C_matches_the_tables_for_ten_erlangs(int servers, double expected) =>
        Assert.Equal(expected, ErlangC.ProbabilityOfWaiting(servers, 10.0), 4);

    [Fact]
    public void Erlang_C_for_two_servers_and_one_erlang_is_one_third() =>
        Assert.Equal(1.0 / 3, ErlangC.ProbabilityOfWaiting(2, 1.0), 10);

    [Fact]
    public void The_textbook_example_needs_fourteen_agents()
    {
        // 100 calls in half an hour (200 an hour), 180 s handling, 80 % answered within 20 s: 13 agents give 79.6 %, 14 give 88.8 %.
        Assert.Equal(0.7956, ErlangC.ServiceLevel(13, 10.0, 180, 20), 4);
        Assert.Equal(0.8884, ErlangC.ServiceLevel(14, 10.0, 180, 20), 4);
        Assert.Equal(14, ErlangC.RequiredServers(200, 180, 20, 0.8));
    }

    [Fact]
    public void Servers_are_always_more_than_the_load_and_at_least_one_when_anyone_came()
    {
        Assert.Equal(0, ErlangC.RequiredServers(0, 600, 900, 0.8));
        Assert.Equal(1, ErlangC.RequiredServers(1, 1, 900, 0.8));
        Assert.Equal(1, ErlangC.RequiredServers(3, 0, 900, 0.8));
        // 200 an hour at 6 minutes is 20 erlangs: never fewer than 21 windows, whatever the target.
        Assert.Equal(21, ErlangC.RequiredServers(200, 360, 24 * 3600, 0.5));
        Assert.Equal(22, ErlangC.RequiredServers(200, 360, 600, 0.9));
    }

    [Fact]
    public void An_overloaded_queue_never_meets_a_service_level()
    {
        Assert.Equal(1.0, ErlangC.ProbabilityOfWaiting(5, 5.0));
        Assert.Equal(0.0, ErlangC.ServiceLevel(4, 5.0, 600, 900));
    }
}
