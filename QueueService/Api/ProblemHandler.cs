using Hall.QueueService.Problems;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Hall.QueueService.Api;

/// <summary>Turns refusals and unreadable requests into problem details a person can read.</summary>
public sealed class ProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            QueueRuleException rule => rule.Problem,
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => QueueProblems.RequestTooLarge(LimitOf(httpContext) / 1024).Problem,
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } bad => QueueProblems.BodyNotJson(bad.Message).Problem,
            BadHttpRequestException bad => QueueProblems.UnreadableBody(bad.Message).Problem,
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = HallProblemResults.StatusOf(problem.Kind);
        HallProblemResults.SetRetryAfter(httpContext, problem);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext, ProblemDetails = HallProblemResults.Details(problem), Exception = exception,
        });
    }

    private static long LimitOf(HttpContext http) =>
        http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? RequestBodyLimit.MaxJsonBytes;
}
