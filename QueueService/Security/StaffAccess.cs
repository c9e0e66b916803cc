using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Security;

/// <summary>
/// Who may see supervision data. Supervisor endpoints (follow-ups, alerts, device states) take a supervisor's bearer
/// token or the administrator's HTTP Basic. Statistics follow the hall's <see cref="HallSecurity.Statistics"/>: open
/// to anyone, or to staff (a clerk's window token too, which the clerk console uses for its day summary).
/// </summary>
public static class StaffAccess
{
    private const string SupervisorKey = "hall.supervisor";

    public static TBuilder RequireSupervisor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            await EnsureAsync(context.HttpContext, allowClerks: false);
            return await next(context);
        });

    public static TBuilder RequireStatisticsReader<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.RequestServices.GetRequiredService<HallCatalogHolder>().Current.Definition.Security.Statistics != StatisticsAccess.Open)
            {
                await EnsureAsync(http, allowClerks: true);
            }
            return await next(context);
        });

    /// <summary>Who acted, for records such as a closed follow-up: the supervisor's staff code, or "admin".</summary>
    public static string? ActingStaff(HttpContext http) => http.Items[SupervisorKey] as string;

    private static async Task EnsureAsync(HttpContext http, bool allowClerks)
    {
        var services = http.RequestServices;
        var header = http.Request.Headers.Authorization.ToString();
        if (AdministratorCredentials.TryRead(http.Request, out var user, out var password))
        {
            var ok = await AdministratorCredentials.CheckAsync(services.GetRequiredService<IOptions<AdminOptions>>().Value,
                services.GetRequiredService<LoginThrottle>(), user, password, http.RequestAborted);
            if (!ok)
            {
                throw QueueRuleException.Unauthorized("invalidAdmin", "管理员用户名或密码错误。Wrong administrator user name or password.");
            }
            http.Items[SupervisorKey] = "admin";
            return;
        }
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7)
        {
            var token = header[7..].Trim();
            if (await services.GetRequiredService<SupervisorSessions>().AuthenticateAsync(token, http.RequestAborted) is { } supervisor)
            {
                http.Items[SupervisorKey] = supervisor.StaffCode;
                return;
            }
            if (allowClerks && await services.GetRequiredService<ClerkSessions>().AuthenticateAsync(token, http.RequestAborted) is not null)
            {
                return;
            }
            throw QueueRuleException.Unauthorized("invalidToken", "登录已失效，请重新登录。The token is not valid; log in again.");
        }
        throw QueueRuleException.Unauthorized(allowClerks ? "staffRequired" : "supervisorRequired",
            allowClerks
                ? "统计数据仅对工作人员开放，请先登录。Statistics are for staff: log in first."
                : "请先以值班长（督查）身份登录。Log in as a supervisor first.");
    }
}
