using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Notices;

/// <summary>Settings under <c>Notices:</c>.</summary>
public sealed class NoticesOptions
{
    public const string Section = "Notices";

    /// <summary>How often the server looks whether a notice came into force or expired, to tell the boards.</summary>
    [Range(1, 3600, ErrorMessage = "Notices:CheckIntervalSeconds must be between 1 and 3600.")]
    public int CheckIntervalSeconds { get; set; } = 30;
}
