using Hall.Contracts.Api;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;

namespace Hall.QueueService.Api;

/// <summary>
/// Which device a request comes from, for the event record: the device whose key was checked, else the (unchecked)
/// <c>X-Device-Id</c> header, else "api".
/// </summary>
public static class RequestActor
{
    public static Actor From(HttpContext http, string fallback = "api")
    {
        if (DeviceAuthentication.DeviceOf(http) is { } authenticated)
        {
            return new Actor(authenticated.Device.Id);
        }
        var device = http.Request.Headers[DeviceHeaders.Id].ToString();
        return new Actor(string.IsNullOrWhiteSpace(device) || device.Length > 64 ? fallback : device);
    }
}
