using System.Text.Json.Serialization;
using Hall.Contracts.Api;

namespace Hall.QueueService.HallSetup;

/// <summary>
/// A device the hall knows (the hall file's <c>devices</c>): a kiosk, a display computer, an evaluator tablet or a bus
/// gateway. Its
/// key is issued and revoked by the administrator (<c>/api/admin/devices/{id}/key</c>) and kept only as a hash in the
/// database, never in the hall file.
/// </summary>
public sealed record DeviceDefinition
{
    /// <summary>Lower-case letters, digits and dashes, e.g. <c>kiosk-1</c>; the first part of the device's key.</summary>
    public string Id { get; init; } = "";
    public DeviceKind Kind { get; init; }
    public string Name { get; init; } = "";
    /// <summary>The window an evaluator tablet rates (required for evaluators), or a board stands at (optional).</summary>
    public int? WindowNumber { get; init; }
    /// <summary>A kiosk's own issuing limit per minute; null means the hall's <see cref="HallSecurity.IssuesPerMinute"/>.</summary>
    public int? IssuesPerMinute { get; init; }
    /// <summary>
    /// A key in plain text, accepted in a hall file for a first installation (the demo hall documents its keys). It is
    /// stored as a hash when the device has no key yet, and never kept in the stored hall.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }
}
