namespace Hall.QueueService.Queue;

/// <summary>The five levels of 好差评.</summary>
public static class RatingLevels
{
    public static string Label(int level) => level switch
    {
        5 => "非常满意",
        4 => "满意",
        3 => "基本满意",
        2 => "不满意",
        1 => "非常不满意",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "A rating level is 1 to 5."),
    };

    public static bool IsValid(int level) => level is >= 1 and <= 5;

    /// <summary>不满意 and 非常不满意 open a follow-up (回访/整改).</summary>
    public static bool IsBad(int level) => level <= 2;
}
