using Hall.Contracts.Api;
using Hall.QueueService.Api;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Security.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Notices;

/// <summary>
/// The boards' notices (公开屏): <c>GET /api/notices</c> for anyone (those in force now), and the administrator's
/// <c>/api/admin/notices</c> to list all of them (future and expired too), add, change and delete.
/// </summary>
public static class NoticesApi
{
    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notices", GetInForceAsync).WithTags("Notices").WithSummary("The notices in force now (from ≤ now < to), oldest first")
            .RequireRateLimiting(HallRateLimiting.AnonymousReads).Refuses(ProblemKind.TooMany);

        var admin = app.MapGroup("/api/admin/notices").WithTags("Notices").RequireAuthorization(HallPolicies.Administrator)
            .AddEndpointFilter<AdminRequestGuard>()
            .Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.UnsupportedMediaType, ProblemKind.NotFound);
        admin.MapGet("/", ListAsync).WithSummary("Every notice with its state: inForce, future or expired");
        admin.MapPost("/", AddAsync).WithSummary("Adds a notice { title, body, from?, to? }; 201 with its id");
        admin.MapPut("/{id:long}", ReplaceAsync).WithSummary("Changes a notice's title, body and period");
        admin.MapDelete("/{id:long}", DeleteAsync).WithSummary("Deletes a notice; the boards drop it at once");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<NoticeView>>> GetInForceAsync(NoticeReader notices, CancellationToken cancellationToken) =>
        TypedResults.Ok(await notices.InForceAsync(cancellationToken));

    public static async Task<Ok<IReadOnlyList<NoticeView>>> ListAsync(NoticeReader notices, CancellationToken cancellationToken) =>
        TypedResults.Ok(await notices.ListAsync(cancellationToken));

    public static async Task<Created<NoticeView>> AddAsync(HttpContext http, NoticeDesk notices, CancellationToken cancellationToken)
    {
        var request = await AdminRequest.ReadAsync<NoticeRequest>(http.Request, "notice", cancellationToken);
        var notice = await notices.AddAsync(request, AdminRequest.Administrator(http), cancellationToken);
        return TypedResults.Created($"/api/admin/notices/{notice.Id}", notice);
    }

    public static async Task<Ok<NoticeView>> ReplaceAsync(long id, HttpContext http, NoticeDesk notices, CancellationToken cancellationToken)
    {
        var request = await AdminRequest.ReadAsync<NoticeRequest>(http.Request, "notice", cancellationToken);
        return TypedResults.Ok(await notices.ReplaceAsync(id, request, AdminRequest.Administrator(http), cancellationToken));
    }

    public static async Task<NoContent> DeleteAsync(long id, HttpContext http, NoticeDesk notices, CancellationToken cancellationToken)
    {
        await notices.DeleteAsync(id, AdminRequest.Administrator(http), cancellationToken);
        return TypedResults.NoContent();
    }
}
