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
    /// <summary>The notices in force changed (to everyone: notices are public); boards rotate the new list.</summary>
    Task NoticesChanged(NoticesChanged message);
    /// <summary>A new supervision alert (only to connections that presented a supervisor's or the administrator's credential).</summary>
    Task AlertRaised(AlertView alert);
    /// <summary>A supervisor has seen to an alert; it leaves every dashboard's open list.</summary>
    Task AlertAcknowledged(AlertView alert);
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
    public const string BoardViewQuery = ViewParameter + "=" + BoardView;

    /// <summary>The query parameter of <see cref="BoardViewQuery"/>.</summary>
    public const string ViewParameter = "view";

    /// <summary>The value of <see cref="ViewParameter"/> a board sends.</summary>
    public const string BoardView = "board";
}
