using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Archiving;

/// <summary>Archiving settings, beside the storage settings under <c>Queue:</c>.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Queue";

    /// <summary>
    /// Hall days older than this many days move to the archive tables; 0 turns daily archiving off (the administrator
    /// can still archive by hand). A month and a day by default, so the current and the last month stay live.
    /// </summary>
    [Range(0, 3650, ErrorMessage = "Queue:ArchiveAfterDays must be between 0 (never archive) and 3650 days.")]
    public int ArchiveAfterDays { get; set; } = 31;

    /// <summary>How often the archiver looks for days to move; a day becomes due once, so an hour is plenty.</summary>
    [Range(1, 1440, ErrorMessage = "Queue:ArchiveCheckMinutes must be between 1 and 1440 minutes.")]
    public int ArchiveCheckMinutes { get; set; } = 60;
}
