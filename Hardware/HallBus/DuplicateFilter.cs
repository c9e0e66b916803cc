namespace Hall.Hardware.HallBus;

/// <summary>
/// Remembers (address, S) pairs for a time window, so a device's resend of a frame whose acknowledgement it missed
/// is acknowledged again but acted on only once. The window runs from the first time a pair was seen.
/// </summary>
internal sealed class DuplicateFilter(TimeProvider time, TimeSpan window)
{
    private const int PurgeThreshold = 1024;
    private readonly Dictionary<(int Address, byte Sequence), DateTimeOffset> _firstSeen = [];

    /// <summary>True when the pair was seen within the window; otherwise records it and returns false.</summary>
    public bool IsRepeat(int address, byte sequence)
    {
        var now = time.GetUtcNow();
        var key = (address, sequence);
        if (_firstSeen.TryGetValue(key, out var first) && now - first < window)
        {
            return true;
        }
        if (_firstSeen.Count >= PurgeThreshold)
        {
            Purge(now);
        }
        _firstSeen[key] = now;
        return false;
    }

    private void Purge(DateTimeOffset now)
    {
        foreach (var (key, first) in _firstSeen)
        {
            if (now - first >= window)
            {
                _firstSeen.Remove(key);
            }
        }
    }
}
