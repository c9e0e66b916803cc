using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Supervision;

/// <summary>How the alert monitor looks at the hall (section <c>Supervision</c>).</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>How often the hall is checked for alerts.</summary>
    [Range(1, 3600, ErrorMessage = "Supervision:CheckIntervalSeconds must be between 1 and 3600.")]
    public int CheckIntervalSeconds { get; set; } = 15;

    /// <summary>A window empty this long during opening hours is 空岗.</summary>
    [Range(1, 1440, ErrorMessage = "Supervision:EmptyPostMinutes must be between 1 and 1440.")]
    public int EmptyPostMinutes { get; set; } = 10;

    /// <summary>A window paused this long during opening hours is 离岗 (the documents count 15 minutes).</summary>
    [Range(1, 1440, ErrorMessage = "Supervision:LongPauseMinutes must be between 1 and 1440.")]
    public int LongPauseMinutes { get; set; } = 15;
}
