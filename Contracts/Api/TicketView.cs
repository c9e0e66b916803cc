namespace Hall.Contracts.Api;

/// <summary>A ticket as <c>GET /api/tickets/{id}</c> and window actions return it.</summary>
public sealed record TicketView(
    Guid Id,
    string Number,
    int ServiceId,
    string ServiceName,
    TicketStatus Status,
    TicketPriority Priority,
    int? WindowNumber,
    RatingView? Rating,
    int Ahead,
    int EstimatedWaitMinutes,
    int RecallCount,
    DateTimeOffset IssuedAt,
    DateTimeOffset? CalledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>办件结果: null before the finish (and for tickets finished before outcomes were recorded).</summary>
    public OutcomeView? Outcome { get; init; }

    /// <summary>With <c>GET /api/tickets/{id}</c>: the people ahead at or below which the turn is near (<c>Notify:AheadThreshold</c>); the tracking page alerts then.</summary>
    public int? NearAhead { get; init; }
}

/// <summary>A satisfaction rating (好差评): level 1–5 and its Chinese label.</summary>
public sealed record RatingView(int Level, string Label)
{
    /// <summary>Codes of the reasons ticked under the level (the hall's <c>ratingOptions</c>).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>evaluator, tablet or phone; null for ratings recorded before channels were kept.</summary>
    public string? Channel { get; init; }

    /// <summary>An appeal against it was upheld (申诉复核): it no longer counts in satisfaction figures.</summary>
    public bool Excluded { get; init; }

    // By content, so two reads of the same rating are equal.
    public bool Equals(RatingView? other) =>
        other is not null && Level == other.Level && Label == other.Label && Channel == other.Channel && Excluded == other.Excluded
        && Reasons.SequenceEqual(other.Reasons);

    public override int GetHashCode() => HashCode.Combine(Level, Channel, Excluded, Reasons.Count);
}

/// <summary>Answer to every window action: the ticket it concerned (if any) and the window afterwards.</summary>
public sealed record WindowActionResult(TicketView? Ticket, WindowInfo Window);
