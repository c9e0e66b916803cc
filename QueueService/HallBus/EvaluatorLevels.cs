using Hall.Hardware.HallBus;
using Hall.QueueService.Queue;

namespace Hall.QueueService.HallBus;

/// <summary>The one place where the bus protocol's rating levels meet the domain's 好差评 scale.</summary>
public static class EvaluatorLevels
{
    /// <summary>An evaluator's RATING level (the parser only lets 1–5 through) as the domain's level.</summary>
    public static SatisfactionLevel ToSatisfaction(this RatingLevel level) => SatisfactionLevel.Of((byte)level);
}
