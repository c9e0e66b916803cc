using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Security;

/// <summary>
/// Endpoints meant for one kind of device. A device of another kind is refused (403); so is an evaluator tablet rating
/// another window. Without a key the hall's <see cref="HallSecurity.DeviceKeys"/> decides: accepted when optional,
/// 401 when required.
/// </summary>
public static class DeviceRequirement
{
    public static TBuilder RequireDevice<TBuilder>(this TBuilder builder, DeviceKind? kind = null) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var hall = http.RequestServices.GetRequiredService<HallCatalogHolder>().Current;
            var device = DeviceAuthentication.DeviceOf(http)?.Device;
            if (device is null)
            {
                if (hall.Definition.Security.DeviceKeys == DeviceKeyPolicy.Required)
                {
                    throw QueueRuleException.Unauthorized("deviceKeyRequired",
                        $"本大厅要求设备密钥（{DeviceAuthentication.KeyHeader}），请在设备设置中填写管理员发放的密钥。This hall requires a device key.");
                }
                return await next(context);
            }
            if (kind is { } wanted && device.Kind != wanted)
            {
                throw QueueRuleException.Forbidden("wrongDeviceKind", $"设备 {device.Id} 不能执行此操作。Device '{device.Id}' ({device.Kind}) may not do this.");
            }
            if (device.Kind == DeviceKind.Evaluator && http.Request.RouteValues.TryGetValue("number", out var raw)
                && int.TryParse(raw?.ToString(), out var number) && number != device.WindowNumber)
            {
                throw QueueRuleException.Forbidden("otherWindow", $"评价器 {device.Id} 属于 {device.WindowNumber} 号窗口。Evaluator '{device.Id}' belongs to window {device.WindowNumber}.");
            }
            return await next(context);
        });
}
