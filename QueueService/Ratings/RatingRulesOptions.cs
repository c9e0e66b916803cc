using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Ratings;

/// <summary>Settings of ratings under <c>Ratings:</c>: the phone's window (一事一评) and the ranking's minimum.</summary>
public sealed class RatingRulesOptions
{
    public const string Section = "Ratings";

    /// <summary>How long after the finish the tracking page still takes a rating.</summary>
    [Range(1, 720, ErrorMessage = "Ratings:PhoneWindowHours must be between 1 and 720 hours.")]
    public int PhoneWindowHours { get; set; } = 24;

    /// <summary>A window or clerk is ranked by satisfaction only with at least this many ratings in the period.</summary>
    [Range(1, 10000, ErrorMessage = "Ratings:RankingMinimumRatings must be between 1 and 10000.")]
    public int RankingMinimumRatings { get; set; } = 20;
}
