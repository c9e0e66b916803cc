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

    /// <summary>B-post cover in working days in a row that raises an alert (the documents: 不得超过20个工作日).</summary>
    [Range(1, 250, ErrorMessage = "Supervision:BCoverRunDays must be between 1 and 250.")]
    public int BCoverRunDays { get; set; } = 20;

    /// <summary>B-post cover in working days in a calendar year that raises an alert (the documents: 40).</summary>
    [Range(1, 366, ErrorMessage = "Supervision:BCoverYearDays must be between 1 and 366.")]
    public int BCoverYearDays { get; set; } = 40;

    /// <summary>How often the year's B-post cover is counted (it reads a year of logins; 0: at every check).</summary>
    [Range(0, 1440, ErrorMessage = "Supervision:BCoverCheckMinutes must be between 0 and 1440.")]
    public int BCoverCheckMinutes { get; set; } = 60;
}
