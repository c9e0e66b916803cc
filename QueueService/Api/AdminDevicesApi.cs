using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>
/// <c>/api/admin/devices</c>: the hall's kiosks, display computers and evaluator tablets, and their keys. A device is
/// added, changed and deleted like the other parts of the hall; <c>POST …/{id}/key</c> issues a new key (shown once,
/// any older key stops working) and <c>DELETE …/{id}/key</c> revokes it, at once on every instance.
/// </summary>
public static class AdminDevicesApi
{
    public static RouteGroupBuilder MapAdminDevicesApi(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/devices").Refuses(ProblemKind.NotFound, ProblemKind.Conflict);
        group.MapGet("/", ListAsync).WithSummary("Every device and whether it has a key");
        group.MapPost("/", AddAsync).WithSummary("Adds a device and issues its first key (shown once)");
        group.MapPut("/{id}", ReplaceAsync).WithSummary("Changes a device's kind, name, window or issuing limit; its key stays");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Deletes a device; its key stops working");
        group.MapPost("/{id}/key", IssueKeyAsync).WithSummary("Issues a new key to a device (shown once; the old key stops working)");
        group.MapDelete("/{id}/key", RevokeKeyAsync).WithSummary("Revokes a device's key");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<DeviceKeyStatus>>> ListAsync(DeviceKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    public static async Task<IResult> AddAsync(HttpContext http, HallEditor editor, DeviceKeyStore keys, CancellationToken cancellationToken)
    {
        var device = await AdminRequest.ReadAsync<DeviceDefinition>(http.Request, "device", cancellationToken);
        await editor.ChangeAsync(d =>
        {
            if (d.Devices.Any(x => x.Id == device.Id))
            {
                throw QueueProblems.DeviceExists(device.Id);
            }
            return d with { Devices = [.. d.Devices, device with { Key = null }] };
        }, $"device {device.Id} added", AdminRequest.Administrator(http), cancellationToken);
        var key = await keys.IssueAsync(device.Id, Who(http), cancellationToken);
        http.Response.Headers.Location = $"/api/admin/devices/{Uri.EscapeDataString(device.Id)}";
        return TypedResults.Json(key, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> ReplaceAsync(string id, HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        var device = await AdminRequest.ReadAsync<DeviceDefinition>(http.Request, "device", cancellationToken);
        if (device.Id.Length > 0 && device.Id != id)
        {
            throw QueueProblems.DeviceIdMismatch(device.Id, id);
        }
        var hall = await editor.ChangeAsync(d =>
        {
            var devices = d.Devices.ToList();
            devices[IndexOf(d, id)] = device with { Id = id, Key = null };
            return d with { Devices = devices };
        }, $"device {id} changed", AdminRequest.Administrator(http), cancellationToken);
        return AdminRequest.Json(hall.Devices.Single(d => d.Id == id));
    }

    public static async Task<NoContent> DeleteAsync(string id, HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        await editor.ChangeAsync(d =>
        {
            _ = IndexOf(d, id);
            return d with { Devices = d.Devices.Where(x => x.Id != id).ToList() };
        }, $"device {id} deleted", AdminRequest.Administrator(http), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IssuedDeviceKey>> IssueKeyAsync(string id, DeviceKeyStore keys, HttpContext http) =>
        TypedResults.Ok(await keys.IssueAsync(id, Who(http), http.RequestAborted));

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(string id, DeviceKeyStore keys, HttpContext http) =>
        await keys.RevokeAsync(id, Who(http), http.RequestAborted)
            ? TypedResults.NoContent()
            : HallProblemResults.Result(QueueProblems.NoActiveKey(id).Problem);

    private static string Who(HttpContext http) => "admin:" + AdminRequest.Administrator(http);

    private static int IndexOf(HallDefinition hall, string id)
    {
        var index = hall.Devices.ToList().FindIndex(d => d.Id == id);
        return index >= 0 ? index : throw QueueProblems.UnknownDevice(id);
    }
}
