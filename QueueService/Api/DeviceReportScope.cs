using Hall.Contracts.Api;
using System.Globalization;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Api;

/// <summary>
/// Which status reports the hall takes: only for devices it has. That is a device of the hall file (<c>kiosk-1</c>), a
/// part of one (<c>kiosk-1/printer</c>), or a bus device at an address a window lists (<c>led:201</c>, <c>caller:101</c>,
/// <c>evaluator:301</c>). When a device key was presented, only that device (and its parts) may be reported, and bus
/// devices only by a display computer or bus gateway, which drive them.
/// </summary>
public static class DeviceReportScope
{
    public static void Check(HallCatalog catalog, string deviceId, DeviceDefinition? presenter)
    {
        var owner = deviceId.Split('/', 2)[0];
        var busDevice = BusAddressOf(catalog, deviceId);
        var known = busDevice || catalog.Definition.Devices.Any(d => d.Id == owner);
        if (!known)
        {
            throw QueueProblems.UnknownDevice(deviceId);
        }
        if (presenter is null)
        {
            return;
        }
        var allowed = busDevice ? presenter.Kind is DeviceKind.Board or DeviceKind.BusGateway : presenter.Id == owner;
        if (!allowed)
        {
            throw QueueProblems.NotThisDevice(presenter.Id, deviceId);
        }
    }

    private static bool BusAddressOf(HallCatalog catalog, string deviceId)
    {
        var parts = deviceId.Split(':', 2);
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var address))
        {
            return false;
        }
        return parts[0] switch
        {
            "led" => catalog.Definition.Windows.Any(w => w.LedAddress == address),
            "caller" => catalog.Definition.Windows.Any(w => w.CallerAddress == address),
            "evaluator" => catalog.Definition.Windows.Any(w => w.EvaluatorAddress == address),
            _ => false,
        };
    }
}
