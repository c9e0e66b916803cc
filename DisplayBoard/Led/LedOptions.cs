using System.ComponentModel.DataAnnotations;

namespace Hall.DisplayBoard.Led;

/// <summary>The window LED strips on this display computer's hall bus (section <c>Led</c>).</summary>
public sealed class LedOptions
{
    public const string Section = "Led";

    /// <summary>The serial port of the LED strips' bus (<c>/dev/ttyUSB0</c>, <c>COM3</c>); empty: no LED strips here.</summary>
    public string? PortName { get; set; }

    [Range(1200, 115200, ErrorMessage = "Led:BaudRate must be between 1200 and 115200 (the hall bus uses 9600).")]
    public int BaudRate { get; set; } = 9600;

    /// <summary>How a call is laid out on a strip.</summary>
    public LedLayout Layout { get; set; } = LedLayout.TwoLines;

    /// <summary>How long a new call blinks (show, blank, show, …) before it stays; 0 for strips that should not blink.</summary>
    [Range(0, 60, ErrorMessage = "Led:BlinkSeconds must be between 0 and 60.")]
    public int BlinkSeconds { get; set; } = 3;

    [Range(200, 5000, ErrorMessage = "Led:BlinkIntervalMilliseconds must be between 200 and 5000.")]
    public int BlinkIntervalMilliseconds { get; set; } = 500;

    public string PausedText { get; set; } = "暂停服务";

    public string ClosedText { get; set; } = "暂停办理";

    /// <summary>How often each strip is pinged for the offline check of the hall bus.</summary>
    [Range(1, 3600, ErrorMessage = "Led:PingIntervalSeconds must be between 1 and 3600.")]
    public int PingIntervalSeconds { get; set; } = 10;
}

public enum LedLayout
{
    /// <summary>Line 0 the number, line 1 "请到N号窗口".</summary>
    TwoLines,

    /// <summary>Line 0 "A001 请到1号窗口" (single-line strips), line 1 empty.</summary>
    OneLine,
}
