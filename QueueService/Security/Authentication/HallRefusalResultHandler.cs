using Hall.QueueService.Api;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Hall.QueueService.Security.Authentication;

/// <summary>
/// Answers a refused policy with the refusal <see cref="HallAccessHandler"/> kept: problem details with its code (the
/// exception handler writes them, as for every other refusal). The administrator's 401 to a script also carries the
/// Basic challenge, so it is written here (a thrown refusal would lose the header in the exception handler). Browsers
/// (which send <c>Sec-Fetch-Mode</c>) get no challenge: the administration page logs in with its own form, and a
/// browser that never cached a Basic login has none to send along with another site's request.
/// </summary>
public sealed class HallRefusalResultHandler : IAuthorizationMiddlewareResultHandler
{
    private const string Key = "hall.refusal";
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public static void Keep(HttpContext http, QueueRuleException refusal, bool basicChallenge) => http.Items[Key] = (refusal, basicChallenge);

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || context.Items[Key] is not (QueueRuleException refusal, bool basicChallenge))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (!basicChallenge || refusal.Kind != ProblemKind.Unauthenticated || context.Request.Headers.ContainsKey("Sec-Fetch-Mode"))
        {
            throw refusal;
        }
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"hall-admin\", charset=\"UTF-8\"";
        await HallProblemResults.WriteAsync(context, refusal.Problem);
    }
}
