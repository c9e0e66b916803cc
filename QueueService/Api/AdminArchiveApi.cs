using Hall.QueueService.Archiving;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>The administrator archives old hall days by hand (the same work the daily archiving does).</summary>
public static class AdminArchiveApi
{
    public static RouteGroupBuilder MapAdminArchiveApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/archive").WithTags("Administration").RequireAuthorization(HallPolicies.Administrator);
        group.MapPost("/", ArchiveAsync)
            .WithSummary("Move every hall day before ?before=YYYY-MM-DD (never today) to the archive tables; answers the days moved and the days left live");
        return group;
    }

    public static async Task<Ok<ArchiveRun>> ArchiveAsync(string? before, DayArchiver archiver, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await archiver.ArchiveBeforeAsync(HallDateRange.ParseDate(before, "before"), AdminRequest.Administrator(http), cancellationToken));
}
