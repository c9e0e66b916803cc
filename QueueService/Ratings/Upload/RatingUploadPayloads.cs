using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hall.QueueService.Ratings.Upload;

/// <summary>
/// The JSON the provincial 好差评 platform receives, in the spirit of the national data items (hall, service, window,
/// clerk, level and its label, time; then the rectification). No citizen's personal data: no name, phone or ID number.
/// Times are ISO 8601 in the hall's zone (+08:00).
/// </summary>
public sealed record RatingUploadPayload(
    string RecordId, string Kind, string HallId, string HallName, string TicketId, string TicketNumber, int ServiceId,
    string ServiceName, int? WindowNumber, string? WindowName, string? StaffCode, int Level, string LevelLabel,
    DateTimeOffset RatedAt, string? Channel, IReadOnlyList<UploadedReason>? Reasons = null);

/// <summary>A reason the citizen ticked under the level: the hall's code and the words the citizen saw.</summary>
public sealed record UploadedReason(string Code, string Text);

/// <summary>The 整改 of a 差评: which rating (its record id), the answer given, who handled it, when it was closed.</summary>
public sealed record RectificationUploadPayload(
    string RecordId, string Kind, string? RatingRecordId, string HallId, string HallName, string TicketId, string TicketNumber,
    string Answer, string HandledBy, DateTimeOffset ClosedAt);

/// <summary>A closed follow-up as the outbox takes it.</summary>
public sealed record ClosedFollowUp(string TicketId, string TicketNumber, string Answer, string HandledBy, DateTimeOffset ClosedAt);

public static class RatingUploadKinds
{
    public const string Rating = "rating";
    public const string Rectification = "rectification";
}

internal static class RatingUploadJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
