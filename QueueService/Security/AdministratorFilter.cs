using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Hall.QueueService.HallSetup;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Security;

/// <summary>
/// <c>/api/admin/…</c> needs the administrator: HTTP Basic with <c>Admin:User</c> and its password. Missing or wrong
/// credentials are 401 (with <c>WWW-Authenticate</c>); repeated wrong passwords lock the administrator for a while.
/// </summary>
public sealed class AdministratorFilter(IOptions<AdminOptions> options, LoginThrottle throttle) : IEndpointFilter
{
    private const string Subject = "admin";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!TryReadBasic(http.Request.Headers.Authorization.ToString(), out var user, out var password))
        {
            return Challenge(http, "adminRequired", "需要管理员身份（HTTP Basic）。Administrator credentials are required.");
        }
        await throttle.EnsureNotLockedAsync(Subject, http.RequestAborted);
        if (!Matches(options.Value, user, password))
        {
            await throttle.FailedAsync(Subject, http.RequestAborted);
            return Challenge(http, "invalidAdmin", "管理员用户名或密码错误。Wrong administrator user name or password.");
        }
        await throttle.SucceededAsync(Subject, http.RequestAborted);
        return await next(context);
    }

    /// <summary>401 with the Basic challenge, answered here (a thrown refusal would lose the header in the exception handler).</summary>
    private static ProblemHttpResult Challenge(HttpContext http, string code, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"hall-admin\", charset=\"UTF-8\"";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "未登录或凭据无效 Not authenticated",
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }

    private static bool Matches(AdminOptions o, string user, string password)
    {
        var userMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user), Encoding.UTF8.GetBytes(o.User));
        var passwordMatches = o.PasswordHash is { } hash
            ? PinHasher.Verify(password, hash)
            : CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(o.Password ?? AdminOptions.DemoPassword));
        return userMatches && passwordMatches;
    }

    private static bool TryReadBasic(string header, out string user, out string password)
    {
        user = password = "";
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }
        (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }
}
