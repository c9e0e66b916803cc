using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.FollowUps;

/// <summary>A follow-up as supervisors and the rated clerk see it.</summary>
public sealed record FollowUpView(
    Guid Id, Guid TicketId, string TicketNumber, int? WindowNumber, string? WindowName, string? StaffCode, string? ClerkName,
    int ServiceId, string ServiceName, int Level, string Label, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Overdue,
    string Status, string? Answer, string? HandledBy, DateTimeOffset? ClosedAt)
{
    /// <summary>The 回访: when, how (phone, sms, visit, onSite), by whom, and what the citizen said.</summary>
    public FollowUpVisit? Visit { get; init; }

    /// <summary>The reasons the citizen ticked, in the hall's words.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The 整改 taken.</summary>
    public string? Rectification { get; init; }

    /// <summary>The rated clerk's appeal (申诉) and the supervisor's review (复核), when there is one.</summary>
    public FollowUpAppeal? Appeal { get; init; }

    public static FollowUpView Of(HallCatalog catalog, FollowUpRow r, long now) => new(
        Guid.Parse(r.Id),
        Guid.Parse(r.TicketId),
        r.TicketNumber,
        r.WindowNumber,
        r.WindowNumber is { } w ? catalog.WindowName(w) : null,
        r.StaffCode,
        r.StaffCode is { } s ? catalog.FindClerk(s)?.Name : null,
        r.ServiceId,
        catalog.ServiceName(r.ServiceId),
        r.Level,
        SatisfactionLevel.Of(r.Level).ChineseLabel,
        catalog.ToOffset(TimeConversions.FromUnixMs(r.CreatedAt)),
        catalog.ToOffset(TimeConversions.FromUnixMs(r.DueAt)),
        r.Status == "open" && r.DueAt < now,
        r.Status,
        r.Answer,
        r.HandledBy,
        r.ClosedAt is { } c ? catalog.ToOffset(TimeConversions.FromUnixMs(c)) : null)
    {
        Visit = r.VisitAt is { } v ? new FollowUpVisit(catalog.ToOffset(TimeConversions.FromUnixMs(v)), r.VisitChannel ?? "", r.VisitBy ?? "", r.VisitNote ?? "") : null,
        Rectification = r.Rectification,
        Reasons = Ratings.RatingReasons.FromColumn(r.RatingReasons)
            .Select(code => Ratings.RatingReasons.OptionsOf(catalog, r.Level).FirstOrDefault(o => o.Code == code)?.Text ?? code).ToList(),
        Appeal = r.AppealedAt is { } a
            ? new FollowUpAppeal(r.AppealReason ?? "", catalog.ToOffset(TimeConversions.FromUnixMs(a)),
                r.ReviewUpheld switch { 1 => "upheld", 0 => "rejected", _ => "pending" }, r.ReviewNote, r.ReviewedBy,
                r.ReviewedAt is { } at ? catalog.ToOffset(TimeConversions.FromUnixMs(at)) : null)
            : null,
    };
}

public sealed record FollowUpVisit(DateTimeOffset At, string Channel, string By, string Note);

/// <summary>An appeal: <c>Decision</c> is pending, upheld (the rating no longer counts) or rejected.</summary>
public sealed record FollowUpAppeal(string Reason, DateTimeOffset At, string Decision, string? Note, string? ReviewedBy, DateTimeOffset? ReviewedAt);
