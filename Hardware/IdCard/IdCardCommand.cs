namespace Hall.Hardware.IdCard;

/// <summary>A terminal's command to the reader's SAM: the command byte, its parameter, and the status SW3 it succeeds with.</summary>
public readonly record struct IdCardCommand(byte Code, byte Parameter, byte SuccessStatus, int SuccessDataLength, string Name)
{
    /// <summary><c>20 01</c> 寻找证/卡: <c>9F</c> with 4 data bytes.</summary>
    public static readonly IdCardCommand FindCard = new(0x20, 0x01, IdCardStatus.CardFound, 4, "find card");

    /// <summary><c>20 02</c> 选取证/卡: <c>90</c> with the card's 8-byte serial.</summary>
    public static readonly IdCardCommand SelectCard = new(0x20, 0x02, IdCardStatus.Success, 8, "select card");

    /// <summary><c>30 01</c> 读机读文字信息和相片信息: <c>90</c> with 256 bytes of text and 1024 of photo.</summary>
    public static readonly IdCardCommand ReadTextAndPhoto = new(0x30, 0x01, IdCardStatus.Success, IdCardReadAnswer.DataLength, "read text and photo");

    /// <summary><c>11 FF</c> SAM status: <c>90</c> without data.</summary>
    public static readonly IdCardCommand SamStatus = new(0x11, 0xFF, IdCardStatus.Success, 0, "SAM status");

    public static IReadOnlyList<IdCardCommand> All { get; } = [FindCard, SelectCard, ReadTextAndPhoto, SamStatus];

    public static IdCardCommand? Find(byte code, byte parameter) =>
        All.FirstOrDefault(c => c.Code == code && c.Parameter == parameter) is { Name: not null } found ? found : null;

    /// <summary>
    /// Whether an answer can be this command's: its success status with the right amount of data, or a failure status.
    /// A success that does not fit (another command's, arriving late after a time-out) is not this command's answer.
    /// </summary>
    public bool Fits(IdCardFrame answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Status is not (IdCardStatus.Success or IdCardStatus.CardFound)
            || (answer.Status == SuccessStatus && answer.Data.Length == SuccessDataLength);
    }

    public override string ToString() => $"{Code:X2} {Parameter:X2} ({Name})";
}
