namespace Hall.Hardware.HallBus;

/// <summary>Labels and checks for <see cref="RatingLevel"/>.</summary>
public static class RatingLevels
{
    public static IReadOnlyList<RatingLevel> All { get; } =
        [RatingLevel.VerySatisfied, RatingLevel.Satisfied, RatingLevel.FairlySatisfied, RatingLevel.Dissatisfied, RatingLevel.VeryDissatisfied];

    public static bool IsDefined(byte level) => level is >= 1 and <= 5;

    /// <summary>非常满意, 满意, 基本满意, 不满意, 非常不满意.</summary>
    public static string ChineseLabel(this RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.FairlySatisfied => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        RatingLevel.VeryDissatisfied => "非常不满意",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Rating levels are 1 to 5."),
    };

    public static string EnglishLabel(this RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "Very satisfied",
        RatingLevel.Satisfied => "Satisfied",
        RatingLevel.FairlySatisfied => "Fairly satisfied",
        RatingLevel.Dissatisfied => "Dissatisfied",
        RatingLevel.VeryDissatisfied => "Very dissatisfied",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Rating levels are 1 to 5."),
    };

    /// <summary>不满意 and 非常不满意 open a follow-up (回访/整改).</summary>
    public static bool IsBad(this RatingLevel level) => level <= RatingLevel.Dissatisfied;
}
