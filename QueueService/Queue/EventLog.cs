using Hall.QueueService.Audit;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>Kinds of rows in the append-only event record (电子监察).</summary>
public static class EventKinds
{
    public const string Issued = "issued";
    public const string Called = "called";
    public const string Recalled = "recalled";
    public const string Started = "started";
    public const string Finished = "finished";
    public const string NoShow = "noShow";
    public const string Transferred = "transferred";
    public const string Held = "held";
    public const string CalledBack = "calledBack";
    public const string Cancelled = "cancelled";
    public const string Rated = "rated";
    public const string Login = "login";
    public const string Logout = "logout";
    public const string Paused = "paused";
    public const string Resumed = "resumed";
    public const string FollowUpOpened = "followUpOpened";
    public const string FollowUpClosed = "followUpClosed";
    public const string FollowUpVisited = "followUpVisited";
    public const string RatingAppealed = "ratingAppealed";
    public const string AppealReviewed = "appealReviewed";
    public const string DeviceKeyIssued = "deviceKeyIssued";
    public const string DeviceKeyRevoked = "deviceKeyRevoked";
    public const string Archived = "archived";
    public const string TemporaryPostGranted = "temporaryPostGranted";
    public const string PauseApproved = "pauseApproved";
    public const string PauseRejected = "pauseRejected";
    public const string AfterHoursRefused = "afterHoursRefused";
    public const string PromisedCaseCompleted = "promisedCaseCompleted";
    public const string ComplaintReceived = "complaintReceived";
    public const string ComplaintAnswered = "complaintAnswered";
    public const string ComplaintEscalated = "complaintEscalated";
    public const string ComplaintClosed = "complaintClosed";
    public const string ComplaintInvalid = "complaintInvalid";
}

/// <summary>
/// Writes event rows inside the transaction that changes the state they describe, each chained to the row before it
/// (see <see cref="EventChain"/>), so the record shows any row changed, inserted or removed behind the server's back.
/// </summary>
public static class EventLog
{
    public static Task AppendAsync(WriteScope scope, string hallId, string kind, DateTimeOffset at, string hallDate, Actor actor,
        string? ticketId = null, int? serviceId = null, string? detail = null) =>
        EventChain.AppendAsync(scope, scope.AuditKey, new ChainedEvent
        {
            HallId = hallId,
            TicketId = ticketId,
            Kind = kind,
            At = at.ToUnixMs(),
            HallDate = hallDate,
            WindowNumber = actor.WindowNumber,
            StaffCode = actor.StaffCode,
            Device = actor.Device,
            ServiceId = serviceId,
            Detail = detail,
        });
}
