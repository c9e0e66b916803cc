namespace Hall.Hardware.EscPos;

/// <summary>Concatenates commands into one print job; each method appends the bytes of the command of the same name.</summary>
public sealed class EscPosBuilder
{
    private readonly List<byte> _bytes = [];

    public int Length => _bytes.Count;

    public EscPosBuilder Raw(ReadOnlySpan<byte> bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public EscPosBuilder Initialize() => Raw(EscPosCommands.Initialize());

    public EscPosBuilder Align(TextAlignment alignment) => Raw(EscPosCommands.Align(alignment));

    public EscPosBuilder CharacterSize(int width, int height) => Raw(EscPosCommands.CharacterSize(width, height));

    public EscPosBuilder Bold(bool on) => Raw(EscPosCommands.Bold(on));

    public EscPosBuilder Underline(UnderlineMode mode) => Raw(EscPosCommands.Underline(mode));

    public EscPosBuilder ChineseModeOn() => Raw(EscPosCommands.ChineseModeOn());

    public EscPosBuilder ChineseModeOff() => Raw(EscPosCommands.ChineseModeOff());

    public EscPosBuilder Text(string text) => Raw(EscPosCommands.Text(text));

    /// <summary>The text followed by a line feed.</summary>
    public EscPosBuilder Line(string text = "") => Text(text).LineFeed();

    public EscPosBuilder LineFeed() => Raw(EscPosCommands.LineFeed());

    public EscPosBuilder FeedLines(int lines) => Raw(EscPosCommands.FeedLines(lines));

    public EscPosBuilder FeedAndPartialCut(int feedDots = 0) => Raw(EscPosCommands.FeedAndPartialCut(feedDots));

    public EscPosBuilder PartialCut() => Raw(EscPosCommands.PartialCut());

    public EscPosBuilder QrCode(string payload, int moduleSize = 6, QrErrorCorrection errorCorrection = QrErrorCorrection.M) =>
        Raw(EscPosCommands.QrCode(payload, moduleSize, errorCorrection));

    public EscPosBuilder RasterImage(MonochromeImage image) => Raw(EscPosCommands.RasterImage(image));

    public byte[] ToArray() => [.. _bytes];
}
