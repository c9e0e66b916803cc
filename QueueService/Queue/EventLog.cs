using Dapper;
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
}

/// <summary>Writes event rows inside the transaction that changes the state they describe.</summary>
public static class EventLog
{
    public static Task AppendAsync(WriteScope scope, string hallId, string kind, DateTimeOffset at, string hallDate, Actor actor,
        string? ticketId = null, int? serviceId = null, string? detail = null) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO events (hall_id, ticket_id, kind, at, hall_date, window_number, staff_code, device, service_id, detail)
            VALUES (@hallId, @ticketId, @kind, @at, @hallDate, @window, @staff, @device, @serviceId, @detail)
            """,
            new
            {
                hallId,
                ticketId,
                kind,
                at = at.ToUnixMs(),
                hallDate,
                window = actor.WindowNumber,
                staff = actor.StaffCode,
                device = actor.Device,
                serviceId,
                detail,
            },
            scope.Transaction);
}
