using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Security;

/// <summary>
/// <c>/api/admin/…</c> needs the administrator: HTTP Basic with <c>Admin:User</c> and its password. Missing or wrong
/// credentials are 401 (with <c>WWW-Authenticate</c>); repeated wrong passwords lock the administrator for a while.
/// </summary>
public sealed class AdministratorFilter(IOptions<AdminOptions> options, LoginThrottle throttle) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!AdministratorCredentials.TryRead(http.Request, out var user, out var password))
        {
            return Challenge(http, "adminRequired", "需要管理员身份（HTTP Basic）。Administrator credentials are required.");
        }
        if (!await AdministratorCredentials.CheckAsync(options.Value, throttle, user, password, http.RequestAborted))
        {
            return Challenge(http, "invalidAdmin", "管理员用户名或密码错误。Wrong administrator user name or password.");
        }
        return await next(context);
    }

    /// <summary>401 with the Basic challenge, answered here (a thrown refusal would lose the header in the exception handler).</summary>
    private static ProblemHttpResult Challenge(HttpContext http, string code, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"hall-admin\", charset=\"UTF-8\"";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "未登录或凭据无效 Not authenticated",
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }
}
