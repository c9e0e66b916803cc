namespace Hall.QueueService.Uplink;

/// <summary>
/// What a hall server POSTs to its city (<c>POST /api/uplink/events</c>, the hall's key in <c>X-Hall-Key</c>): its
/// next events in chain order, each with the ticket's state as the hall holds it when the batch leaves, and what the
/// hall says about itself (its services, its open alerts, how many events are still to come). An empty batch is a
/// heartbeat. The event ids are the idempotency keys: a batch sent again is taken once.
/// </summary>
public sealed record UplinkBatch(
    string HallId,
    string HallName,
    DateTimeOffset SentAt,
    long Backlog,
    UplinkProfile Profile,
    IReadOnlyList<UplinkAlert> Alerts,
    IReadOnlyList<UplinkEvent> Events);

/// <summary>The hall's services with the promised minutes its statistics count against, and its time zone.</summary>
public sealed record UplinkProfile(string TimeZone, IReadOnlyList<UplinkService> Services);

public sealed record UplinkService(int Id, string Name, int PromisedMinutes);

/// <summary>An alert open at the hall (空岗, a long wait, an overdue complaint …), forwarded for the city's dashboard.</summary>
public sealed record UplinkAlert(string Kind, string Message, string MessageEn, int? WindowNumber, DateTimeOffset RaisedAt);

/// <summary>
/// One row of the hall's event record as stored, with its chain link: <see cref="PreviousHash"/> is the hash of the
/// hall's event sent before it (null for its first), so the city sees a gap or a changed event.
/// </summary>
public sealed record UplinkEvent(
    long Id,
    string? PreviousHash,
    string Hash,
    string? TicketId,
    string Kind,
    long At,
    string HallDate,
    int? WindowNumber,
    string? StaffCode,
    string? Device,
    int? ServiceId,
    string? Detail,
    UplinkTicket? Ticket);

/// <summary>A ticket's state, only what the statistics read: no number, no ID, no phone.</summary>
public sealed record UplinkTicket(
    string HallDate,
    int ServiceId,
    int Status,
    long IssuedAt,
    long? CalledAt,
    long? StartedAt,
    long? FinishedAt,
    int? WindowNumber,
    string? StaffCode,
    int TransferCount,
    int EstimatedWaitMinutes,
    int? RatingLevel,
    bool RatingExcluded,
    string? Outcome);

/// <summary>The city's answer: every event up to <see cref="AcceptedThrough"/> is stored there; the next batch links to <see cref="LastHash"/>.</summary>
public sealed record UplinkAcknowledgement(long AcceptedThrough, string? LastHash);
