namespace Hall.Hardware.IdCard;

/// <summary>The reader's status byte SW3 (<c>SW1 SW2</c> are <c>00 00</c>).</summary>
public static class IdCardStatus
{
    public const byte Success = 0x90;
    public const byte CardFound = 0x9F;
    public const byte NoCard = 0x80;
    public const byte SelectFailed = 0x81;
    public const byte ReadFailed = 0x41;
    public const byte ChecksumError = 0x10;
    public const byte UnknownCommand = 0x21;
    public const byte LengthError = 0x24;

    /// <summary>Statuses a working reader gives about a card; any other failure means the line or the reader is in trouble.</summary>
    public static bool IsCardRelated(byte status) => status is Success or CardFound or NoCard or SelectFailed or ReadFailed;

    public static string Describe(byte status) => status switch
    {
        Success => "成功 (90)",
        CardFound => "找到证/卡 (9F)",
        NoCard => "寻找证/卡失败，读卡区无卡 (80)",
        SelectFailed => "选取证/卡失败 (81)",
        ReadFailed => "读证/卡失败 (41)",
        ChecksumError => "校验和错 (10)",
        UnknownCommand => "无法识别的命令 (21)",
        LengthError => "长度错 (24)",
        _ => $"未知状态 ({status:X2})",
    };
}
