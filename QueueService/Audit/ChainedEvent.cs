using System.Globalization;
using System.Text;

namespace Hall.QueueService.Audit;

/// <summary>
/// An event row's stored fields (all but its id and hash) and its link in the chain:
/// hash = HMAC-SHA256(key, canonical(previous hash, fields)). The canonical form writes every field with its length,
/// and null apart from the empty text, so no two different rows give the same bytes.
/// </summary>
public sealed class ChainedEvent
{
    public long Id { get; set; }
    public string HallId { get; set; } = "";
    public string? TicketId { get; set; }
    public string Kind { get; set; } = "";
    public long At { get; set; }
    public string HallDate { get; set; } = "";
    public long? WindowNumber { get; set; }
    public string? StaffCode { get; set; }
    public string? Device { get; set; }
    public long? ServiceId { get; set; }
    public string? Detail { get; set; }
    public string? Hash { get; set; }

    /// <summary>The columns read back, in the order of the properties above.</summary>
    public const string Columns = "id, hall_id, ticket_id, kind, at, hall_date, window_number, staff_code, device, service_id, detail, hash";

    /// <summary>Every row, archived or live, as one relation to filter and order by id.</summary>
    public const string AllRows =
        $"SELECT {Columns} FROM (SELECT {Columns} FROM events_archive UNION ALL SELECT {Columns} FROM events) chained";

    /// <summary>The hash this row must carry when it follows a row with <paramref name="previousHash"/> (null for the first row).</summary>
    public string Link(AuditKey key, string? previousHash)
    {
        var text = new StringBuilder("hall-event-v1");
        Append(text, previousHash);
        Append(text, HallId);
        Append(text, TicketId);
        Append(text, Kind);
        Append(text, At);
        Append(text, HallDate);
        Append(text, WindowNumber);
        Append(text, StaffCode);
        Append(text, Device);
        Append(text, ServiceId);
        Append(text, Detail);
        return key.Sign(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void Append(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("|-");
            return;
        }
        text.Append('|').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }

    private static void Append(StringBuilder text, long? value) =>
        Append(text, value?.ToString(CultureInfo.InvariantCulture));
}
