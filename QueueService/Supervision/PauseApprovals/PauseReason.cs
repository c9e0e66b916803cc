namespace Hall.QueueService.Supervision.PauseApprovals;

/// <summary>
/// A reason the console offers for a pause (the hall file's <c>pauseReasons</c>). A reason that
/// <see cref="NeedsApproval"/> (现场勘察: the clerk leaves the hall) must be approved by a supervisor, otherwise the
/// pause counts as 离岗 like any other once it passes <c>Supervision:LongPauseMinutes</c>.
/// </summary>
public sealed record PauseReason(string Text, bool NeedsApproval = false)
{
    /// <summary>The reasons the hall documents name; 其他 (any text) always works.</summary>
    public static readonly IReadOnlyList<PauseReason> Defaults =
    [
        new("临时离开"),
        new("内部会议"),
        new("业务培训"),
        new("系统故障"),
        new("现场勘察", NeedsApproval: true),
        new("外出办事", NeedsApproval: true),
        new("其他"),
    ];

    public static void Check(IReadOnlyList<PauseReason> reasons, string field, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < reasons.Count; i++)
        {
            var text = reasons[i].Text;
            if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 20)
            {
                errors.Add($"{field}[{i}].text: is required, at most 20 characters");
            }
            else if (!seen.Add(text.Trim()))
            {
                errors.Add($"{field}[{i}].text: '{text}' is listed twice");
            }
        }
    }

    public static bool NeedsApprovalFor(IReadOnlyList<PauseReason> reasons, string? text) =>
        text is not null && reasons.Any(r => r.NeedsApproval && string.Equals(r.Text.Trim(), text.Trim(), StringComparison.Ordinal));
}
