using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.FollowUps;

/// <summary>The steps of a follow-up between opening and closing: the 回访, the clerk's appeal and its review. Each is an event row.</summary>
public static class FollowUpStepsApi
{
    private static readonly string[] VisitChannels = ["phone", "sms", "visit", "onSite"];

    public static async Task<Ok<FollowUpView>> VisitAsync(Guid id, FollowUpVisitRequest request, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http)
    {
        if (request.Channel is not { } channel || !VisitChannels.Contains(channel) || string.IsNullOrWhiteSpace(request.By) || request.By.Length > 100
            || string.IsNullOrWhiteSpace(request.Note) || request.Note.Length > 2000)
        {
            throw QueueProblems.VisitRequired();
        }
        return await StepAsync(id, database, hall, time, http, (row, now) =>
        {
            if (row.Status != "open")
            {
                throw QueueProblems.AlreadyClosed();
            }
            row.VisitAt = now.ToUnixMs();
            row.VisitChannel = channel;
            row.VisitBy = request.By.Trim();
            row.VisitNote = request.Note.Trim();
            return (EventKinds.FollowUpVisited, new Actor("supervision", HallSchemes.ActingStaff(http.User) ?? row.VisitBy, row.WindowNumber), $"channel={channel}");
        });
    }

    public static async Task<Ok<FollowUpView>> AppealAsync(Guid id, AppealRequest request, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http)
    {
        var session = HallSchemes.ClerkSessionOf(http.User)!;
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
        {
            throw QueueProblems.AppealReasonRequired();
        }
        return await StepAsync(id, database, hall, time, http, (row, now) =>
        {
            if (row.StaffCode != session.StaffCode)
            {
                throw QueueProblems.NotYourRating();
            }
            if (row.AppealedAt is not null)
            {
                throw QueueProblems.AlreadyAppealed();
            }
            row.AppealReason = request.Reason.Trim();
            row.AppealedAt = now.ToUnixMs();
            // The reason is the clerk's own words about the visit: kept on the follow-up, not copied into the event row.
            return (EventKinds.RatingAppealed, new Actor("window", session.StaffCode, session.WindowNumber), "appeal");
        });
    }

    public static async Task<Ok<FollowUpView>> ReviewAsync(Guid id, AppealReviewRequest request, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http)
    {
        if (request.Upheld is not { } upheld || string.IsNullOrWhiteSpace(request.Note) || request.Note.Length > 2000)
        {
            throw QueueProblems.AnswerRequired();
        }
        var reviewer = HallSchemes.ActingStaff(http.User) ?? "supervisor";
        return await StepAsync(id, database, hall, time, http, async (scope, row, now) =>
        {
            if (row.AppealedAt is null || row.ReviewUpheld is not null)
            {
                throw QueueProblems.NoAppeal();
            }
            row.ReviewUpheld = upheld ? 1 : 0;
            row.ReviewNote = request.Note.Trim();
            row.ReviewedBy = reviewer;
            row.ReviewedAt = now.ToUnixMs();
            if (upheld)
            {
                // A mistaken or malicious rating is set aside: out of the figures, and nothing left to follow up.
                await FollowUpsTable.ExcludeRatingAsync(scope, row.TicketId);
                if (row.Status == "open")
                {
                    (row.Status, row.Answer, row.HandledBy, row.ClosedAt) = ("closed", "申诉成立：" + row.ReviewNote, reviewer, now.ToUnixMs());
                }
            }
            return (EventKinds.AppealReviewed, new Actor("supervision", reviewer, row.WindowNumber), upheld ? "upheld" : "rejected");
        });
    }

    public static async Task<Ok<List<FollowUpView>>> MineAsync(QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http)
    {
        var session = HallSchemes.ClerkSessionOf(http.User)!;
        var catalog = hall.Current;
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var rows = await connection.QueryAsync<FollowUpRow>(
            $"""
            {FollowUpsTable.SelectWithReasons}
            WHERE f.hall_id = @hall AND f.staff_code = @staff ORDER BY f.created_at DESC
            """,
            new { hall = catalog.HallId, staff = session.StaffCode });
        var now = time.GetUtcNow().ToUnixMs();
        return TypedResults.Ok(rows.Take(50).Select(r => FollowUpView.Of(catalog, r, now)).ToList());
    }

    private static Task<Ok<FollowUpView>> StepAsync(Guid id, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http,
        Func<FollowUpRow, DateTimeOffset, (string Kind, Actor Actor, string Detail)> step) =>
        StepAsync(id, database, hall, time, http, (_, row, now) => Task.FromResult(step(row, now)));

    /// <summary>One step in one transaction: the row locked, changed, saved, and its event row appended.</summary>
    private static async Task<Ok<FollowUpView>> StepAsync(Guid id, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http,
        Func<WriteScope, FollowUpRow, DateTimeOffset, Task<(string Kind, Actor Actor, string Detail)>> step)
    {
        var cancellationToken = http.RequestAborted;
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var row = await FollowUpsTable.LockAsync(scope, catalog.HallId, id);
        var (kind, actor, detail) = await step(scope, row, now);
        await FollowUpsTable.SaveAsync(scope, row);
        await EventLog.AppendAsync(scope, catalog.HallId, kind, now, catalog.HallDate(now).ToKey(), actor, row.TicketId, row.ServiceId, detail);
        await scope.CommitAsync(cancellationToken);
        return TypedResults.Ok(FollowUpView.Of(catalog, row, now.ToUnixMs()));
    }
}

/// <summary>A 回访: channel phone, sms, visit or onSite; who made it; what the citizen said.</summary>
public sealed record FollowUpVisitRequest(string? Channel, string? By, string? Note);

public sealed record AppealRequest(string? Reason);

public sealed record AppealReviewRequest(bool? Upheld, string? Note);
