using Hall.QueueService.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>
/// Device keys (<c>/api/admin/devices…</c>): the administrator lists the hall's devices with their key state, issues a
/// new key (shown once; any older key stops working) and revokes a key (the device is refused at once).
/// </summary>
public static class AdminDeviceKeysApi
{
    public static RouteGroupBuilder MapAdminDeviceKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/devices").WithTags("Administration").AddEndpointFilter<AdministratorFilter>();
        group.MapGet("/", ListAsync).WithSummary("The hall's devices and whether each has a key");
        group.MapPost("/{id}/key", IssueAsync).WithSummary("Issue a new key to a device (shown once; the old key stops working)");
        group.MapDelete("/{id}/key", RevokeAsync).WithSummary("Revoke a device's key");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<DeviceKeyStatus>>> ListAsync(DeviceKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    public static async Task<Ok<IssuedDeviceKey>> IssueAsync(string id, DeviceKeyStore keys, HttpContext http) =>
        TypedResults.Ok(await keys.IssueAsync(id, AdminName(http), http.RequestAborted));

    public static async Task<Results<NoContent, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> RevokeAsync(string id, DeviceKeyStore keys, HttpContext http) =>
        await keys.RevokeAsync(id, AdminName(http), http.RequestAborted)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = 404, Title = "未找到 Not found", Detail = $"设备 {id} 没有有效的密钥。Device '{id}' has no active key.",
            });

    private static string AdminName(HttpContext http) =>
        AdministratorCredentials.TryRead(http.Request, out var user, out _) ? "admin:" + user : "admin";
}
