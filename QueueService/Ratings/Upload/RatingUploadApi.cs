using Hall.QueueService.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Ratings.Upload;

/// <summary><c>/api/supervision/rating-uploads</c>: how far the upload to the provincial 好差评 platform is behind.</summary>
public static class RatingUploadApi
{
    public static IEndpointRouteBuilder MapRatingUploadApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/supervision/rating-uploads", BacklogAsync).WithTags("Supervision").RequireSupervisor()
            .Refuses(ProblemKind.Unauthenticated, ProblemKind.Forbidden)
            .WithSummary("The 好差评 upload backlog: unsent records, the oldest, the error holding the queue, the last success");
        return app;
    }

    public static async Task<Ok<RatingUploadStatus>> BacklogAsync(QueueDatabase database, HallCatalogHolder hall, IOptions<RatingsUploadOptions> options, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        await using var connection = await database.OpenAsync(cancellationToken);
        var backlog = await RatingUploadOutbox.BacklogAsync(connection, catalog.HallId);
        return TypedResults.Ok(new RatingUploadStatus(
            options.Value.Uploads,
            backlog.Unsent,
            backlog.OldestUnsentAt is { } o ? catalog.ToOffset(TimeConversions.FromUnixMs(o)) : null,
            backlog.LastError,
            backlog.LastSentAt is { } s ? catalog.ToOffset(TimeConversions.FromUnixMs(s)) : null,
            backlog.Sent));
    }
}

/// <param name="Configured">Whether <c>Ratings:UploadUrl</c> is set; without it the records wait.</param>
public sealed record RatingUploadStatus(bool Configured, long Unsent, DateTimeOffset? OldestUnsentAt, string? LastError, DateTimeOffset? LastSentAt, long Sent);
