using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Security;

/// <summary>Settings under <c>Security:</c>: how long a clerk's window login lasts before it answers 401.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Hours; fractions are allowed (a test may set 0.001).</summary>
    [Range(0.0001, 168, ErrorMessage = "Security:ClerkTokenHours must be more than 0 and at most 168.")]
    public double ClerkTokenHours { get; set; } = 12;
}
