namespace Hall.Hardware.HallBus;

/// <summary>
/// One frame of the hall bus: <c>68 L L 68 A F D… CS 16</c>. Equality compares the data bytes too.
/// </summary>
/// <param name="Address">1–247 a device, 0 broadcast.</param>
public sealed record HallBusFrame(byte Address, HallBusFunction Function, ReadOnlyMemory<byte> Data)
{
    /// <summary>Length of D in the largest frame (L = 202).</summary>
    public const int MaxDataLength = 200;

    public const byte BroadcastAddress = 0;

    public const byte MaxDeviceAddress = 247;

    public HallBusFrame(byte address, HallBusFunction function, params byte[] data)
        : this(address, function, new ReadOnlyMemory<byte>(data))
    {
    }

    /// <summary>The sequence byte S of a device frame (its first data byte), or null without data.</summary>
    public byte? Sequence => Data.IsEmpty ? null : Data.Span[0];

    public bool IsReply => HallBusFunctions.IsReply(Function);

    public bool Equals(HallBusFrame? other) =>
        other is not null && Address == other.Address && Function == other.Function && Data.Span.SequenceEqual(other.Data.Span);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Address);
        hash.Add(Function);
        hash.AddBytes(Data.Span);
        return hash.ToHashCode();
    }

    /// <summary>e.g. <c>A=101 F=Rating D=[07 05]</c>, for logs.</summary>
    public override string ToString() =>
        $"A={Address} F={(Enum.IsDefined(Function) ? Function.ToString() : "0x" + ((byte)Function).ToString("X2"))} D=[{Convert.ToHexString(Data.Span)}]";
}
