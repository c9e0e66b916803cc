namespace Hall.KioskApp.Options;

/// <summary>The <c>IdCard</c> settings: the resident ID card reader (二代证阅读器) on a serial line. No port, no reader.</summary>
public sealed class IdCardOptions
{
    public const string SectionName = "IdCard";

    /// <summary><c>/dev/ttyUSB0</c>, <c>/dev/pts/N</c>, <c>COM3</c>; empty means this kiosk has no reader.</summary>
    public string? PortName { get; set; }

    /// <summary>115200 by default (many readers also run at 9600).</summary>
    public int BaudRate { get; set; } = 115200;

    /// <summary>How often the reader is asked whether a card lies on it.</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>How long each answer may take (the protocol's "about 1 s").</summary>
    public int AnswerTimeoutMilliseconds { get; set; } = 1000;

    /// <summary>A card still on the reader is read again after this long, so a swapped card is noticed.</summary>
    public int RereadSeconds { get; set; } = 3;

    /// <summary>The same ID number read again within this long after the card left is the same presentation.</summary>
    public int SamePresentationSeconds { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(PortName);
}
