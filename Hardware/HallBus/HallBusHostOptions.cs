using System.ComponentModel.DataAnnotations;

namespace Hall.Hardware.HallBus;

/// <summary>Timing and liveness settings of a <see cref="HallBusHost"/>. The defaults are the protocol's.</summary>
public sealed class HallBusHostOptions
{
    /// <summary>A name for logs, e.g. the port name or "callers".</summary>
    public string Name { get; set; } = "hall bus";

    /// <summary>How long the host waits for a device's reply before resending a command (protocol: 150 ms).</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Resends after the first try (protocol: 2).</summary>
    [Range(0, 10)]
    public int CommandRetries { get; set; } = 2;

    /// <summary>A repeated (address, S) within this time is acknowledged but not acted on (protocol: 10 s).</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Unanswered pings in a row that mark a device offline (protocol: 3).</summary>
    [Range(1, 100)]
    public int UnansweredPingsForOffline { get; set; } = 3;

    /// <summary>Devices pinged by the periodic liveness check. Empty: no ping loop.</summary>
    public IList<byte> PingAddresses { get; } = [];

    /// <summary>Time between two rounds of pings.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Waits before reopening a lost port, one after the other; the last repeats.</summary>
    public IList<TimeSpan> ReopenDelays { get; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    /// <summary><c>FF</c> bytes sent before each frame to wake sleeping receivers (protocol allows, does not require).</summary>
    [Range(0, 8)]
    public int WakeUpBytes { get; set; }
}
