using Hall.Contracts.Api;

namespace Hall.QueueService.HallBus;

/// <summary>What a hardware caller's one-line display shows: the window's current number and state.</summary>
public static class CallerDisplay
{
    public static string Text(WindowInfo window) => window.State switch
    {
        WindowState.Closed => $"{window.Number}号窗口 未登录",
        WindowState.Paused => "暂停服务",
        WindowState.Calling when window.CurrentTicket is { } t => $"{t.Number} 呼叫中",
        WindowState.Serving when window.CurrentTicket is { } t => $"{t.Number} 办理中",
        _ => $"空闲 {window.Clerk?.Name}".TrimEnd(),
    };
}
