namespace Hall.Hardware.EscPos;

/// <summary>Values of <c>ESC - n</c>.</summary>
public enum UnderlineMode : byte
{
    Off = 0,
    Thin = 1,
    Thick = 2,
}
