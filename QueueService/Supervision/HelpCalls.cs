using System.Globalization;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Supervision;

/// <summary>
/// 求助: the clerk (console button or the caller's help key) calls the duty supervisor to the window. The alert is
/// raised at once, not at the next check; presses within the same minute at one window are one call, so a stuck or
/// repeatedly pressed key does not flood the supervisors.
/// </summary>
public sealed class HelpCalls(AlertStore alerts, HallCatalogHolder hall, TimeProvider time)
{
    public async Task<bool> RaiseAsync(int windowNumber, string? staffCode, string source, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var window = catalog.FindWindow(windowNumber) ?? throw QueueProblems.UnknownWindow(windowNumber);
        var now = catalog.ToOffset(time.GetUtcNow());
        var clerk = staffCode is null ? null : catalog.FindClerk(staffCode);
        var who = clerk is null ? "" : $"{clerk.Name}（{clerk.StaffCode}）";
        var minute = now.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        return await alerts.RaiseAsync(new AlertStore.NewAlert(AlertKinds.HelpCall, $"helpCall:{windowNumber}:{minute}",
            $"{catalog.WindowName(windowNumber)} {who}求助，请值班长到窗口（{now:HH:mm}，{source}）。",
            $"Window {windowNumber} {(clerk is null ? "" : clerk.StaffCode + " ")}asks for the duty supervisor ({now:HH:mm}, {source}).",
            window.Number), cancellationToken);
    }
}
