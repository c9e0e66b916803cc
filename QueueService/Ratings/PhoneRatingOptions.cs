using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Ratings;

/// <summary>Settings of the rating from the phone (一事一评), under <c>Ratings:</c>.</summary>
public sealed class PhoneRatingOptions
{
    public const string Section = "Ratings";

    /// <summary>How long after the finish the tracking page still takes a rating.</summary>
    [Range(1, 720, ErrorMessage = "Ratings:PhoneWindowHours must be between 1 and 720 hours.")]
    public int PhoneWindowHours { get; set; } = 24;
}
