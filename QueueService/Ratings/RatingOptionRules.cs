namespace Hall.QueueService.Ratings;

/// <summary>The hall file's <c>ratingOptions</c> checked: levels 1–5, at most 8 options a level (the bus sends numbers), codes unique within a level.</summary>
public static class RatingOptionRules
{
    /// <summary>As many as a tablet or an evaluator's screen shows; the bus sends the numbers of at most eight ticked.</summary>
    public const int MaxOptionsPerLevel = 16;

    public const int MaxCodeLength = 40;

    public const int MaxTextLength = 40;

    public static void Check(IReadOnlyDictionary<int, IReadOnlyList<RatingOption>> options, string field, List<string> errors)
    {
        foreach (var (level, list) in options)
        {
            var f = $"{field}.{level}";
            if (level is < 1 or > 5)
            {
                errors.Add($"{f}: a rating level is 1 (非常不满意) to 5 (非常满意)");
                continue;
            }
            if (list.Count > MaxOptionsPerLevel)
            {
                errors.Add($"{f}: at most {MaxOptionsPerLevel} options a level");
            }
            var codes = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var o = list[i];
                if (string.IsNullOrWhiteSpace(o.Code) || o.Code.Length > MaxCodeLength || !o.Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    errors.Add($"{f}[{i}].code: '{o.Code}' must be 1–{MaxCodeLength} letters, digits, '-' or '_'");
                }
                else if (!codes.Add(o.Code))
                {
                    errors.Add($"{f}[{i}].code: '{o.Code}' is used twice under this level");
                }
                if (string.IsNullOrWhiteSpace(o.Text) || o.Text.Length > MaxTextLength)
                {
                    errors.Add($"{f}[{i}].text: is required, at most {MaxTextLength} characters");
                }
            }
        }
    }
}
