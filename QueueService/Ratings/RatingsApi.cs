using Hall.Contracts.Api;
using Hall.QueueService.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Ratings;

/// <summary>The reasons offered under each level, and the rating from the phone (一事一评).</summary>
public static class RatingsApi
{
    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rating-options", GetOptions).WithTags("Ratings")
            .WithSummary("The reasons a citizen may tick under each level 1–5 (评价选项)")
            .RequireRateLimiting(HallRateLimiting.AnonymousReads).Refuses(ProblemKind.TooMany);
        app.MapPost("/api/tickets/{id:guid}/rating", RateFromPhoneAsync).WithTags("Ratings")
            .WithSummary("Rate a finished ticket from the phone with the tracking link's key; once per ticket whatever the channel")
            .RequireRateLimiting(HallRateLimiting.AnonymousWrites)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.TooMany);
        app.MapGet("/api/public/evaluation", GetPublicEvaluationAsync).WithTags("Ratings")
            .WithSummary("评价结果公开: a month's ratings, 满意率, 差评, 整改率 and 回访率 per window and service; no citizen's data")
            .RequireRateLimiting(HallRateLimiting.AnonymousReads).Refuses(ProblemKind.Invalid, ProblemKind.TooMany);
        return app;
    }

    /// <summary>Without <c>month</c>, the hall's current month.</summary>
    public static async Task<Ok<PublicEvaluationReport>> GetPublicEvaluationAsync(string? month, PublicEvaluation evaluation, HallCatalogHolder hall,
        TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await evaluation.ReadAsync(
            Statistics.HallDateRange.ParseMonth(month ?? hall.Current.HallDate(time.GetUtcNow()).ToKey()[..7]), cancellationToken));

    public static Ok<IReadOnlyDictionary<int, IReadOnlyList<RatingOption>>> GetOptions(HallCatalogHolder hall) =>
        TypedResults.Ok(hall.Current.Definition.RatingOptions);

    public static async Task<Ok<TicketView>> RateFromPhoneAsync(Guid id, PhoneRatingRequest request, RatingRecorder ratings, HttpContext http) =>
        TypedResults.Ok(await ratings.RateFromPhoneAsync(id, request.Level, request.Reasons, request.Key, RequestActor.From(http, "phone"), http.RequestAborted));

    public static IServiceCollection AddRatings(this IServiceCollection services)
    {
        services.AddSingleton<PublicEvaluation>();
        services.AddOptions<PhoneRatingOptions>().BindConfiguration(PhoneRatingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
