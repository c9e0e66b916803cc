using System.Globalization;

namespace Hall.QueueService.Queue;

/// <summary>Times are stored as Unix milliseconds and hall days as <c>yyyy-MM-dd</c>, the same in SQLite and PostgreSQL.</summary>
public static class TimeConversions
{
    public static long ToUnixMs(this DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static string ToKey(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
