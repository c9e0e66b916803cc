namespace Hall.QueueService.Archiving;

/// <summary>What one archiving run did: the days it moved and the days it had to leave live, with why.</summary>
public sealed record ArchiveRun(string Before, IReadOnlyList<ArchivedDay> Archived, IReadOnlyList<SkippedDay> Skipped)
{
    public int Tickets => Archived.Sum(d => d.Tickets);

    public int Events => Archived.Sum(d => d.Events);
}

/// <summary>One hall day moved to the archive, with the rows of each kind.</summary>
public sealed record ArchivedDay(string Date, int Tickets, int Events, int TicketCounters, int WindowSessions);

/// <summary>A day left live; <c>Reason</c> is a code, <c>Message</c> says it for a person.</summary>
public sealed record SkippedDay(string Date, string Reason, string Message);
