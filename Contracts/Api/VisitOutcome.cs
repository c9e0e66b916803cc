using System.Text.Json.Serialization;

namespace Hall.Contracts.Api;

/// <summary>How a visit ended (办件结果), as officials count it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutcomeKind>))]
public enum OutcomeKind
{
    /// <summary>即办件: finished on the spot.</summary>
    [JsonStringEnumMemberName("completed")] Completed,

    /// <summary>承诺件: accepted, due in promised working days.</summary>
    [JsonStringEnumMemberName("accepted")] Accepted,

    /// <summary>补正: materials missing; the citizen is told once and in full (一次性告知).</summary>
    [JsonStringEnumMemberName("supplement")] Supplement,

    /// <summary>不予受理, with the reason.</summary>
    [JsonStringEnumMemberName("refused")] Refused,

    /// <summary>咨询 only.</summary>
    [JsonStringEnumMemberName("consulted")] Consulted,
}

/// <summary>The optional body of <c>POST /api/windows/{n}/finish</c>.</summary>
public sealed record FinishRequest(OutcomeKind? Outcome = null, string? CaseNumber = null, int? PromisedWorkingDays = null,
    IReadOnlyList<string>? MissingMaterials = null, string? Reason = null);

/// <summary>A finished ticket's outcome in <c>GET /api/tickets/{id}</c>; <see cref="DueDate"/> is a hall date (承诺件).</summary>
public sealed record OutcomeView(OutcomeKind Kind, string? CaseNumber, string? DueDate, IReadOnlyList<string> MissingMaterials, string? Reason);
