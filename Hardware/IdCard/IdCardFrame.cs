namespace Hall.Hardware.IdCard;

/// <summary>One frame's body as it came off the line: between <c>LEN</c> and the checksum.</summary>
public sealed record IdCardFrame(ReadOnlyMemory<byte> Body)
{
    /// <summary>For an answer: <c>SW1 SW2 SW3</c> as one number (<c>00 00 90</c> = 0x90).</summary>
    public int StatusWord => Body.Length >= 3 ? (Body.Span[0] << 16) | (Body.Span[1] << 8) | Body.Span[2] : -1;

    /// <summary>For an answer: SW3 when <c>SW1 SW2</c> are <c>00 00</c>, else null (not a status this protocol gives).</summary>
    public byte? Status => Body.Length >= 3 && Body.Span[0] == 0 && Body.Span[1] == 0 ? Body.Span[2] : null;

    /// <summary>For an answer: the data after the status.</summary>
    public ReadOnlyMemory<byte> Data => Body.Length >= 3 ? Body[3..] : ReadOnlyMemory<byte>.Empty;

    public bool Equals(IdCardFrame? other) => other is not null && Body.Span.SequenceEqual(other.Body.Span);

    public override int GetHashCode() => Body.Length;

    public override string ToString() => Body.Length <= 16 ? Convert.ToHexString(Body.Span) : $"{Convert.ToHexString(Body.Span[..16])}… ({Body.Length} bytes)";
}
