using Hall.QueueService.Api;
using Hall.QueueService.Appointments;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Security.RateLimiting;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using Dapper;

namespace Hall.QueueService.Complaints;

public sealed record NewComplaint(string? Channel, int? WindowNumber, string? StaffCode, Guid? TicketId, string? Content, string? ContactName, string? ContactPhone, bool? Complex);
public sealed record ComplaintReceived(Guid Id, string Status, DateTimeOffset DueAt);
public sealed record ComplaintAnswer(string? Text, string? Channel);
public sealed record ComplaintInvalid(string? Reason);
public sealed record ComplaintEscalation(string? To, string? Note);
public sealed record ComplaintView(Guid Id, string Channel, int? WindowNumber, string? StaffCode, Guid? TicketId, string Content, string? ContactName,
    string? ContactPhone, bool Complex, string Status, bool Overdue, DateTimeOffset CreatedAt, DateTimeOffset DueAt, string? Answer, string? AnswerChannel,
    DateTimeOffset? AnsweredAt, string? EscalatedTo, DateTimeOffset? ClosedAt, string? InvalidReason, string? HandledBy, string? TicketNumber);

/// <summary>Complaints (投诉): received from citizens on the web (anonymous) or entered by a supervisor, then answered and closed.</summary>
public static class ComplaintsApi
{
    public static IServiceCollection AddComplaints(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/complaints").WithTags("Complaints").Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated);
        // Anonymous for web complaints (limited per address); other channels are checked for a supervisor inside.
        group.MapPost("/", ReceiveAsync).AllowAnonymous().RequireRateLimiting(HallRateLimiting.Complaints).Refuses(ProblemKind.TooMany)
            .WithSummary("Receive a complaint; web is anonymous, other channels need a supervisor");
        var supervised = group.MapGroup("").RequireSupervisor();
        supervised.MapGet("/", ListAsync).WithSummary("Complaints; status=open (default), overdue, closed or all");
        supervised.MapGet("/{id:guid}", GetAsync).Refuses(ProblemKind.NotFound).WithSummary("One complaint");
        supervised.MapPost("/{id:guid}/answer", AnswerAsync).Refuses(ProblemKind.NotFound, ProblemKind.Conflict).WithSummary("Record the answer given");
        supervised.MapPost("/{id:guid}/escalate", EscalateAsync).Refuses(ProblemKind.NotFound, ProblemKind.Conflict).WithSummary("Pass the complaint up");
        supervised.MapPost("/{id:guid}/close", CloseAsync).Refuses(ProblemKind.NotFound, ProblemKind.Conflict).WithSummary("Close a complaint");
        supervised.MapPost("/{id:guid}/invalid", InvalidAsync).Refuses(ProblemKind.NotFound, ProblemKind.Conflict).WithSummary("Close as invalid, with a reason");
        return group;
    }

    public static async Task<Created<ComplaintReceived>> ReceiveAsync(NewComplaint request, QueueDatabase database, HallCatalogHolder hall, TimeProvider time,
        IAuthorizationPolicyProvider policies, IPolicyEvaluator evaluator, HttpContext http)
    {
        var channel = request.Channel ?? "";
        if (!ComplaintChannels.All.Contains(channel))
        {
            throw QueueProblems.InvalidComplaintChannel(ComplaintChannels.All);
        }
        string? supervisor = null;
        // Credentials of any kind are checked: the per-address limit on web complaints spares only real supervisors.
        var credentials = http.Request.Headers.Authorization.Count > 0;
        if (channel != ComplaintChannels.Web || credentials)
        {
            var policy = await policies.GetPolicyAsync(HallPolicies.Supervisor) ?? throw new InvalidOperationException("No supervisor policy.");
            var authenticated = await evaluator.AuthenticateAsync(policy, http);
            var result = await evaluator.AuthorizeAsync(policy, authenticated, http, http);   // the access handler reads the request from the resource
            if (!result.Succeeded)
            {
                throw QueueProblems.ComplaintNeedsSupervisor();
            }
            supervisor = HallSchemes.ActingStaff(http.User);
        }
        var content = request.Content?.Trim();
        if (string.IsNullOrEmpty(content) || content.Length > 2000)
        {
            throw QueueProblems.ComplaintContentRequired();
        }
        var catalog = hall.Current;
        if (request.WindowNumber is { } w && catalog.FindWindow(w) is null)
        {
            throw QueueProblems.ComplaintUnknownWindow(w);
        }
        var staff = string.IsNullOrWhiteSpace(request.StaffCode) ? null : request.StaffCode.Trim();
        if (staff is not null && catalog.FindClerk(staff) is null)
        {
            throw QueueProblems.ComplaintUnknownClerk(staff);
        }
        var name = string.IsNullOrWhiteSpace(request.ContactName) ? null : request.ContactName.Trim();
        var phone = string.IsNullOrWhiteSpace(request.ContactPhone) ? null : PhoneNumbers.Normalize(request.ContactPhone);
        if (name is { Length: > 50 } || (phone is not null && !PhoneNumbers.IsValid(phone)))
        {
            throw QueueProblems.ComplaintContactInvalid();
        }
        var now = time.GetUtcNow();
        var complex = request.Complex == true;
        var dueAt = ComplaintDueDate.For(catalog, channel, complex, now);
        await using var scope = await database.BeginWriteAsync(http.RequestAborted);
        string? ticketNumber = null;
        if (request.TicketId is { } t)
        {
            var ticketArgs = new { id = t.ToString("D"), hall = catalog.HallId };
            ticketNumber = await scope.Connection.QuerySingleOrDefaultAsync<string>(
                    "SELECT number FROM tickets WHERE id = @id AND hall_id = @hall", ticketArgs, scope.Transaction)
                ?? await scope.Connection.QuerySingleOrDefaultAsync<string>(
                    "SELECT number FROM tickets_archive WHERE id = @id AND hall_id = @hall", ticketArgs, scope.Transaction)
                ?? throw QueueProblems.ComplaintUnknownTicket(t);
        }
        var row = new ComplaintRow
        {
            Id = Guid.CreateVersion7(now).ToString("D"), HallId = catalog.HallId, Channel = channel, WindowNumber = request.WindowNumber, StaffCode = staff,
            TicketId = request.TicketId?.ToString("D"), TicketNumber = ticketNumber, Content = content, ContactName = name, ContactPhone = phone,
            ContactPhoneMasked = phone is null ? null : PhoneNumbers.Mask(phone), Complex = complex ? 1 : 0, Status = ComplaintStatuses.Open,
            CreatedAt = now.ToUnixMs(), DueAt = dueAt.ToUnixMs(),
        };
        await ComplaintsTable.InsertAsync(scope, row);
        // The event names the channel and the due date, never the contact.
        await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.ComplaintReceived, now, catalog.HallDate(now).ToKey(),
            new Actor("complaints", supervisor ?? staff, request.WindowNumber), row.TicketId, null, $"id={row.Id};channel={channel};due={dueAt:yyyy-MM-dd}");
        await scope.CommitAsync(http.RequestAborted);
        return TypedResults.Created($"/api/complaints/{row.Id}", new ComplaintReceived(Guid.Parse(row.Id), row.Status, catalog.ToOffset(dueAt)));
    }

    public static async Task<Ok<List<ComplaintView>>> ListAsync(string? status, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, CancellationToken cancellationToken)
    {
        status ??= "open";
        if (status is not ("open" or "overdue" or "closed" or "all"))
        {
            throw QueueProblems.InvalidStatus(["open", "overdue", "closed", "all"]);
        }
        var catalog = hall.Current;
        var now = time.GetUtcNow().ToUnixMs();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await ComplaintsTable.ListAsync(connection, catalog.HallId, status, now);
        return TypedResults.Ok(rows.Select(r => View(catalog, r, now)).ToList());
    }

    public static async Task<Ok<ComplaintView>> GetAsync(Guid id, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await ComplaintsTable.FindAsync(connection, catalog.HallId, id) ?? throw QueueProblems.UnknownComplaint(id);
        return TypedResults.Ok(View(catalog, row, time.GetUtcNow().ToUnixMs()));
    }

    public static Task<Ok<ComplaintView>> AnswerAsync(Guid id, ComplaintAnswer request, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http)
    {
        var text = Required(request.Text, "text");
        var channel = Required(request.Channel, "channel");
        return StepAsync(id, database, hall, time, http, EventKinds.ComplaintAnswered, (row, now) =>
        {
            row.Answer = text;
            row.AnswerChannel = channel;
            row.AnsweredAt = now;
            row.Status = ComplaintStatuses.Answered;
            return $"channel={channel}";
        });
    }

    public static Task<Ok<ComplaintView>> EscalateAsync(Guid id, ComplaintEscalation request, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http)
    {
        var to = Required(request.To, "to");
        var note = request.Note?.Trim();
        return StepAsync(id, database, hall, time, http, EventKinds.ComplaintEscalated, (row, now) =>
        {
            row.EscalatedTo = to;
            row.EscalatedAt = now;
            row.Status = ComplaintStatuses.Escalated;
            return $"to={to}" + (string.IsNullOrEmpty(note) ? "" : $";note={note}");
        });
    }

    public static Task<Ok<ComplaintView>> CloseAsync(Guid id, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http) =>
        StepAsync(id, database, hall, time, http, EventKinds.ComplaintClosed, (row, now) =>
        {
            if (ComplaintChannels.IsWritten(row.Channel) && row.Answer is null)
            {
                throw QueueProblems.ComplaintNeedsAnswer();
            }
            row.Status = ComplaintStatuses.Closed;
            row.ClosedAt = now;
            return null;
        });

    public static Task<Ok<ComplaintView>> InvalidAsync(Guid id, ComplaintInvalid request, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http)
    {
        var reason = Required(request.Reason, "reason");
        return StepAsync(id, database, hall, time, http, EventKinds.ComplaintInvalid, (row, now) =>
        {
            row.Status = ComplaintStatuses.Invalid;
            row.InvalidReason = reason;
            row.ClosedAt = now;
            return reason;
        });
    }

    private static string Required(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) || text.Length > 2000 ? throw QueueProblems.ComplaintTextRequired(field) : text.Trim();

    /// <summary>One supervisor's step on an unfinished complaint, with its event row in the same transaction.</summary>
    private static async Task<Ok<ComplaintView>> StepAsync(Guid id, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http,
        string kind, Func<ComplaintRow, long, string?> apply)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        await using var scope = await database.BeginWriteAsync(http.RequestAborted);
        var row = await ComplaintsTable.FindForUpdateAsync(scope, database.Dialect, catalog.HallId, id) ?? throw QueueProblems.UnknownComplaint(id);
        if (row.Status is ComplaintStatuses.Closed or ComplaintStatuses.Invalid)
        {
            throw QueueProblems.ComplaintNotOpen();
        }
        var detail = apply(row, now.ToUnixMs());
        row.HandledBy = HallSchemes.ActingStaff(http.User);
        await ComplaintsTable.UpdateAsync(scope, row);
        await EventLog.AppendAsync(scope, catalog.HallId, kind, now, catalog.HallDate(now).ToKey(),
            new Actor("supervision", row.HandledBy, row.WindowNumber), row.TicketId, null, $"id={row.Id}" + (detail is null ? "" : ";" + detail));
        await scope.CommitAsync(http.RequestAborted);
        return TypedResults.Ok(View(catalog, row, now.ToUnixMs()));
    }

    private static ComplaintView View(HallCatalog catalog, ComplaintRow r, long now) => new(
        Guid.Parse(r.Id), r.Channel, r.WindowNumber, r.StaffCode, r.TicketId is null ? null : Guid.Parse(r.TicketId), r.Content,
        // Views show the contact masked: the surname only, and the phone's middle digits starred.
        r.ContactName is { Length: > 0 } n ? n[..1] + new string('*', Math.Max(1, n.Length - 1)) : null, r.ContactPhoneMasked,
        r.Complex != 0, r.Status, r.Status is not (ComplaintStatuses.Closed or ComplaintStatuses.Invalid) && r.DueAt < now,
        catalog.ToOffset(ComplaintsTable.At(r.CreatedAt)), catalog.ToOffset(ComplaintsTable.At(r.DueAt)), r.Answer, r.AnswerChannel,
        r.AnsweredAt is { } a ? catalog.ToOffset(ComplaintsTable.At(a)) : null, r.EscalatedTo,
        r.ClosedAt is { } c ? catalog.ToOffset(ComplaintsTable.At(c)) : null, r.InvalidReason, r.HandledBy, r.TicketNumber);
}
