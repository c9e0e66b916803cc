using Hall.Contracts.Api;

namespace Hall.QueueService.Queue;

/// <summary>A row of <c>tickets</c>, as Dapper reads it (snake_case columns map to these names).</summary>
public sealed class TicketRow
{
    public string Id { get; set; } = "";
    public string HallId { get; set; } = "";
    public string HallDate { get; set; } = "";
    public int ServiceId { get; set; }
    public int IssuedServiceId { get; set; }
    public string Number { get; set; } = "";
    public int Priority { get; set; }
    public int Status { get; set; }
    public long IssuedAt { get; set; }
    public long? DueAt { get; set; }
    public long? CalledAt { get; set; }
    public long? StartedAt { get; set; }
    public long? FinishedAt { get; set; }
    public int? WindowNumber { get; set; }
    public int? TargetWindow { get; set; }
    public string? StaffCode { get; set; }
    public int RecallCount { get; set; }
    public int TransferCount { get; set; }
    public string? IdHash { get; set; }
    public string? IdMasked { get; set; }
    public string? AppointmentCode { get; set; }
    public string? Source { get; set; }
    public string? IdempotencyKey { get; set; }
    public int EstimatedWaitMinutes { get; set; }
    public int? RatingLevel { get; set; }
    public long? RatedAt { get; set; }
    /// <summary>JSON list of the reason codes ticked (<see cref="Ratings.RatingReasons"/>).</summary>
    public string? RatingReasons { get; set; }
    public string? RatingChannel { get; set; }
    /// <summary>1 once an appeal against the rating was upheld (申诉复核): left out of satisfaction figures.</summary>
    public int? RatingExcluded { get; set; }

    public TicketStatus StatusValue => (TicketStatus)Status;

    public TicketPriority PriorityValue => (TicketPriority)Priority;

    public Guid TicketId => Guid.Parse(Id);
}

/// <summary>A row of <c>window_states</c>.</summary>
public sealed class WindowStateRow
{
    public string HallId { get; set; } = "";
    public int WindowNumber { get; set; }
    public int State { get; set; }
    public string? SessionId { get; set; }
    public string? StaffCode { get; set; }
    public string? Post { get; set; }
    public string? CurrentTicketId { get; set; }
    public string? HeldTicketId { get; set; }
    public string? PauseReason { get; set; }
    public int PriorityStreak { get; set; }
    public string? LastFinishedTicketId { get; set; }
    public long? LastFinishedAt { get; set; }
    public long ChangedAt { get; set; }

    public WindowState StateValue => (WindowState)State;
}
