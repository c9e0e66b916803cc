namespace Hall.Contracts.Hub;

/// <summary>What the hall hub (<c>/hubs/hall</c>) sends to displays, consoles and dashboards. Full payloads, never ids to re-fetch.</summary>
public interface IHallClient
{
    Task TicketCalled(TicketCalled message);
    Task TicketIssued(TicketIssued message);
    Task TicketChanged(TicketChanged message);
    Task WindowChanged(WindowChanged message);
    Task QueueCountsChanged(QueueCounts message);
    /// <summary>An administrator changed the hall (services, windows, clerks…): reload the snapshot and lists.</summary>
    Task HallChanged(HallChanged message);
}

/// <summary>Hub paths and method names, so that clients do not spell them again.</summary>
public static class HallHub
{
    public const string Path = "/hubs/hall";
    public const string GetSnapshot = nameof(GetSnapshot);

    /// <summary>
    /// <c>?view=board</c> on the hub address: a display that shows calls, windows and queue counts only, and so is
    /// not sent every issued or changed ticket (nor supervision alerts); in a hall with hundreds of screens that is most
    /// of the traffic. Without it a client gets everything.
    /// </summary>
    public const string BoardViewQuery = "view=board";
}
