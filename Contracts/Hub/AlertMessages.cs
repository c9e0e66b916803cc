namespace Hall.Contracts.Hub;

/// <summary>
/// A supervision alert as <c>/api/alerts</c> lists it and the hub pushes it (<see cref="IHallClient.AlertRaised"/>,
/// <see cref="IHallClient.AlertAcknowledged"/>), to supervisors' connections only.
/// </summary>
/// <param name="Kind">longWait, emptyPost, overPromised, device, badRating, recallLimit, elderlyRate.</param>
public sealed record AlertView(
    long Id,
    string Kind,
    string Message,
    string MessageEn,
    int? WindowNumber,
    int? ServiceId,
    string? TicketId,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy);
