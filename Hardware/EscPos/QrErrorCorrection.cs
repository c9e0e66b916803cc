namespace Hall.Hardware.EscPos;

/// <summary>Error-correction levels of <c>GS ( k</c> function 169 (L 7 %, M 15 %, Q 25 %, H 30 %).</summary>
public enum QrErrorCorrection : byte
{
    L = 48,
    M = 49,
    Q = 50,
    H = 51,
}
