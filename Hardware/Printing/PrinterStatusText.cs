using Hall.Hardware.EscPos;

namespace Hall.Hardware.Printing;

/// <summary>Names a printer status for people (Chinese, as supervisors and citizens read it) and for device reports.</summary>
public static class PrinterStatusText
{
    /// <summary>The device-report status word: online, offline, fault, paperOut, paperLow, coverOpen.</summary>
    /// <remarks>A named cause wins over plain "offline", since printers go offline because of it.</remarks>
    public static string Code(PrinterStatus status) => status switch
    {
        { CoverOpen: true } => "coverOpen",
        { PaperOut: true } => "paperOut",
        { Error: true } => "fault",
        { Offline: true } => "offline",
        { PaperNearEnd: true } => "paperLow",
        _ => "online",
    };

    public static string Describe(PrinterStatus status) => Code(status) switch
    {
        "offline" => "打印机未连接或无响应",
        "coverOpen" => "打印机纸仓盖未关闭",
        "paperOut" => "打印机缺纸",
        "fault" => "打印机故障",
        "paperLow" => "打印纸即将用完",
        _ => "打印机正常",
    };
}
