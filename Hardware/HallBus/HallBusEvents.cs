namespace Hall.Hardware.HallBus;

/// <summary>Everything a <see cref="HallBusHost"/> raises, so an owner can put all of it on one typed channel.</summary>
public abstract record HallBusEvent;

/// <summary>A frame a device sent on its own (KEY, RATING, STATUS), carrying its sequence byte S.</summary>
public abstract record DeviceEvent(int Address, byte Sequence, DateTimeOffset ReceivedAt) : HallBusEvent;

/// <summary>A caller key, raised once per (address, S).</summary>
/// <param name="Argument">The optional third data byte (for <see cref="HallBusKey.Transfer"/>: the target window).</param>
public sealed record KeyPress(int Address, byte Sequence, HallBusKey Key, byte? Argument, DateTimeOffset ReceivedAt)
    : DeviceEvent(Address, Sequence, ReceivedAt);

/// <summary>An evaluator press, raised once per (address, S).</summary>
/// <remarks>
/// <see cref="Reasons"/> (protocol 1.1): the numbers (1, 2, …) of the options ticked on an evaluator with a screen, in
/// the order sent; empty for a plain evaluator. The host maps them to the hall's list for the level.
/// </remarks>
public sealed record RatingPress(int Address, byte Sequence, RatingLevel Level, DateTimeOffset ReceivedAt)
    : DeviceEvent(Address, Sequence, ReceivedAt)
{
    public IReadOnlyList<byte> Reasons { get; init; } = [];

    // Compared by content, so a replayed capture equals the press it describes.
    public bool Equals(RatingPress? other) =>
        other is not null && base.Equals(other) && Level == other.Level && Reasons.SequenceEqual(other.Reasons);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Level, Reasons.Count);
}

/// <summary>A STATUS frame (the answer to PING), raised once per (address, S).</summary>
public sealed record StatusReport(int Address, byte Sequence, byte Flags, DateTimeOffset ReceivedAt)
    : DeviceEvent(Address, Sequence, ReceivedAt)
{
    public const byte HardwareFaultFlag = 0x01;

    public bool HardwareFault => (Flags & HardwareFaultFlag) != 0;
}

/// <summary>Whether the host hears a device.</summary>
public enum DeviceLink
{
    /// <summary>Nothing heard yet and not yet given up on.</summary>
    Unknown,
    Online,
    Offline,
}

/// <summary>What the host knows about one device.</summary>
/// <param name="UnansweredPings">Pings in a row without an answer.</param>
public sealed record DeviceState(int Address, DeviceLink Link, bool HardwareFault, DateTimeOffset? LastHeardAt, int UnansweredPings);

/// <summary>A device went online or offline, or its fault flag changed.</summary>
public sealed record DeviceStateChange(DeviceState Previous, DeviceState Current) : HallBusEvent;

/// <summary>The port was opened, or lost (<see cref="Error"/> says why), or could not be opened.</summary>
public sealed record BusConnectionChange(bool Connected, Exception? Error) : HallBusEvent;

/// <summary>How a command ended.</summary>
public enum HallBusCommandResult
{
    /// <summary>The device replied.</summary>
    Acknowledged,

    /// <summary>Sent to address 0; broadcasts are never answered.</summary>
    Broadcast,

    /// <summary>No reply after all tries.</summary>
    NoReply,

    /// <summary>The port is not open (being reopened, or the host is not running).</summary>
    PortUnavailable,
}
