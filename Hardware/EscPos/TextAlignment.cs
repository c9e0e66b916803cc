namespace Hall.Hardware.EscPos;

/// <summary>Values of <c>ESC a n</c>.</summary>
public enum TextAlignment : byte
{
    Left = 0,
    Center = 1,
    Right = 2,
}
