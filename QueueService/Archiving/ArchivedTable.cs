namespace Hall.QueueService.Archiving;

/// <summary>
/// A live table whose old rows move to an archive table with the same columns, and which of its rows belong to the
/// hall day being archived (SQL over <c>@hall</c>, <c>@day</c> and <c>@dayEnd</c>, the day's end in Unix ms).
/// </summary>
public sealed record ArchivedTable(string Live, string Archive, string DayCondition)
{
    public static readonly ArchivedTable Tickets = new("tickets", "tickets_archive", "hall_id = @hall AND hall_date = @day");

    public static readonly ArchivedTable Events = new("events", "events_archive", "hall_id = @hall AND hall_date = @day");

    public static readonly ArchivedTable TicketCounters = new("ticket_counters", "ticket_counters_archive", "hall_id = @hall AND hall_date = @day");

    /// <summary>Logins closed by now that began before the day's end: a login still open stays live until a later day takes it.</summary>
    public static readonly ArchivedTable WindowSessions = new("window_sessions", "window_sessions_archive",
        "hall_id = @hall AND ended_at IS NOT NULL AND started_at < @dayEnd");

    /// <summary>Every table moved with a day (in one transaction, so the order is only the order of work).</summary>
    public static readonly IReadOnlyList<ArchivedTable> All = [Events, TicketCounters, WindowSessions, Tickets];
}
