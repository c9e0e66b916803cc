using System.Globalization;

namespace Hall.QueueService.Queue;

/// <summary>
/// One of the five levels of 好差评 (GB/T 39734-2020): 1 非常不满意 … 5 非常满意, as stored in <c>tickets.rating_level</c>.
/// Whatever sends a rating (the bus evaluator, the tablet, the phone) maps onto this; the domain knows no protocol.
/// </summary>
public readonly record struct SatisfactionLevel
{
    public const int Lowest = 1;
    public const int Highest = 5;

    // Index = level - 1.
    private static readonly string[] Chinese = ["非常不满意", "不满意", "基本满意", "满意", "非常满意"];
    private static readonly string[] English = ["Very dissatisfied", "Dissatisfied", "Fairly satisfied", "Satisfied", "Very satisfied"];

    private SatisfactionLevel(int value) => Value = value;

    /// <summary>1 to 5 (0 only for <c>default</c>, which no rating carries).</summary>
    public int Value { get; }

    /// <summary>非常满意, 满意, 基本满意, 不满意, 非常不满意.</summary>
    public string ChineseLabel => Chinese[Index];

    public string EnglishLabel => English[Index];

    /// <summary>不满意 and 非常不满意 open a follow-up (回访/整改).</summary>
    public bool IsBad => Value <= 2;

    /// <summary>A level from input (an API body, a bus press); false when it is missing or outside 1–5.</summary>
    public static bool TryCreate(long? value, out SatisfactionLevel level)
    {
        level = value is >= Lowest and <= Highest ? new SatisfactionLevel((int)value.Value) : default;
        return level.Value != 0;
    }

    /// <summary>A level known to be valid: read back from storage (only valid levels are written), or mapped from a device.</summary>
    public static SatisfactionLevel Of(long value) =>
        TryCreate(value, out var level)
            ? level
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Rating levels are 1 to 5.");

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    private int Index => Value is >= Lowest and <= Highest
        ? Value - 1
        : throw new InvalidOperationException("The default SatisfactionLevel is no rating.");
}
