using System.ComponentModel.DataAnnotations;

namespace Hall.DisplayBoard.Board;

/// <summary>What this board shows (section <c>Board</c>; a hall may have one board per floor).</summary>
public sealed class BoardOptions : IValidatableObject
{
    public const string Section = "Board";

    /// <summary>Window numbers this board shows, calls and announces; empty: all windows.</summary>
    public int[] Windows { get; set; } = [];

    /// <summary>Service ids whose waiting counts this board shows; empty: all services.</summary>
    public int[] Services { get; set; } = [];

    /// <summary><c>zh</c> (Chinese first, English beneath) or <c>en</c>.</summary>
    public string Language { get; set; } = "zh";

    [Range(1, 20, ErrorMessage = "Board:RecentCalls must be between 1 and 20.")]
    public int RecentCalls { get; set; } = 8;

    /// <summary>How long the newest call blinks on the page.</summary>
    [Range(0, 120, ErrorMessage = "Board:BlinkSeconds must be between 0 and 120.")]
    public int BlinkSeconds { get; set; } = 10;

    /// <summary>How long a lost connection may last before the page says so (short blips stay quiet).</summary>
    [Range(0, 120, ErrorMessage = "Board:DisconnectedNoticeSeconds must be between 0 and 120.")]
    public int DisconnectedNoticeSeconds { get; set; } = 3;

    /// <summary>How long each notice and each page of staff on duty stays in the board's side panel.</summary>
    [Range(3, 120, ErrorMessage = "Board:RotateSeconds must be between 3 and 120.")]
    public int RotateSeconds { get; set; } = 8;

    /// <summary>How often the month's published ratings (the 公开屏's satisfaction slide) are read from the hall server.</summary>
    [Range(1, 1440, ErrorMessage = "Board:EvaluationRefreshMinutes must be between 1 and 1440.")]
    public int EvaluationRefreshMinutes { get; set; } = 10;

    /// <summary>A notice for this board only; empty: the hall's notice from the server.</summary>
    public string? Notice { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Language is not ("zh" or "en"))
        {
            yield return new ValidationResult($"Board:Language '{Language}' must be zh or en.", [nameof(Language)]);
        }
        if (Windows.Any(n => n <= 0))
        {
            yield return new ValidationResult("Board:Windows holds window numbers, which start at 1.", [nameof(Windows)]);
        }
    }
}
