using Hall.QueueService.Queue;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Hall.QueueService.Api;

/// <summary>Turns refusals and unreadable requests into problem details a person can read.</summary>
public sealed class ProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            QueueRuleException rule => WithExtensions(new ProblemDetails { Status = rule.StatusCode, Title = rule.Title, Detail = rule.Detail }, rule),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "请求无效 Invalid request",
                Detail = "请求内容无法读取，请发送正确的 JSON。The request body could not be read: " + bad.Message,
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails WithExtensions(ProblemDetails problem, QueueRuleException rule)
    {
        problem.Extensions["code"] = rule.Code;
        foreach (var (key, value) in rule.Extensions)
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }
}
