using Hall.Contracts.Api;
using Hall.Contracts.Hub;

namespace Hall.DisplayBoard.Tests.Support;

/// <summary>A snapshot shaped like the demo hall: six windows with LED strips at 200 + n, three services.</summary>
public static class DemoHall
{
    public static HallSnapshot Snapshot()
    {
        var windows = Enumerable.Range(1, 6).Select(n => new WindowInfo(
            n,
            $"{n}号窗口",
            n == 1 ? "comprehensive" : "category",
            n == 1 ? [1, 2, 3] : [((n - 2) % 3) + 1],
            n switch { 1 or 2 => WindowState.Idle, 5 => WindowState.Paused, 6 => WindowState.Closed, _ => WindowState.Serving },
            n == 6 ? null : new ClerkBadge($"100{n}", ClerkNames[n - 1], "市政务服务中心", "A"),
            n is 3 or 4 ? new TicketSummary(Guid.NewGuid(), $"B00{n}", 2, "投资建设", TicketStatus.Serving, DateTimeOffset.Now.AddMinutes(-20), DateTimeOffset.Now.AddMinutes(-8), DateTimeOffset.Now.AddMinutes(-7)) : null,
            n == 5 ? "午休" : null,
            new WindowDevices(n, 100 + n, 200 + n))).ToList();
        return new HallSnapshot(
            "示范区政务服务中心",
            "Demo District Government Service Center",
            "Asia/Shanghai",
            DateTimeOffset.Now,
            windows,
            [],
            [
                new ServiceQueueCount(1, "市场准入", "A", 12, 18, DateTimeOffset.Now.AddMinutes(-15)),
                new ServiceQueueCount(2, "投资建设", "B", 4, 9, DateTimeOffset.Now.AddMinutes(-6)),
                new ServiceQueueCount(3, "民生保障", "C", 0, 0, null),
            ],
            "请保管好随身物品，按叫号顺序到指定窗口办理业务。办事指南可在自助取号机上查询。");
    }

    private static readonly string[] ClerkNames = ["张晓明", "李娜", "王强", "赵敏", "陈静", "刘洋"];
}
