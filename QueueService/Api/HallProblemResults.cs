using System.Globalization;
using Hall.QueueService.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hall.QueueService.Api;

/// <summary>
/// The one place a refusal's kind becomes an HTTP status, and a refusal becomes problem details
/// (<c>application/problem+json</c> with its <c>code</c>, and <c>Retry-After</c> on a 429).
/// </summary>
public static class HallProblemResults
{
    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => StatusCodes.Status400BadRequest,
        ProblemKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ProblemKind.TooMany => StatusCodes.Status429TooManyRequests,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ProblemDetails Details(HallProblem problem)
    {
        var details = new ProblemDetails { Status = StatusOf(problem.Kind), Title = problem.Title, Detail = problem.Detail };
        details.Extensions["code"] = problem.Code;
        foreach (var (key, value) in problem.Extensions)
        {
            details.Extensions[key] = value;
        }
        return details;
    }

    /// <summary>The refusal as an endpoint result (for filters and handlers that answer rather than throw).</summary>
    public static ProblemHttpResult Result(HallProblem problem) => TypedResults.Problem(Details(problem));

    /// <summary>Writes the refusal as the response (for middleware that answers before any endpoint runs).</summary>
    public static Task WriteAsync(HttpContext http, HallProblem problem)
    {
        SetRetryAfter(http, problem);
        return Result(problem).ExecuteAsync(http);
    }

    /// <summary>Clients and proxies read <c>Retry-After</c>, not the body.</summary>
    public static void SetRetryAfter(HttpContext http, HallProblem problem)
    {
        if (problem.Kind == ProblemKind.TooMany && problem.Extensions.TryGetValue("retryAfterSeconds", out var seconds) && seconds is not null)
        {
            http.Response.Headers.RetryAfter = Convert.ToString(seconds, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Declares, for the OpenAPI document, the problem answers an endpoint may give.</summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, params ProblemKind[] kinds) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var kind in kinds.Distinct())
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(StatusOf(kind), typeof(ProblemDetails), ["application/problem+json"]));
        }
        return builder;
    }
}
