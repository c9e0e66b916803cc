namespace Hall.Hardware.HallBus;

/// <summary>The five levels of 好差评, as an evaluator sends them in a RATING frame.</summary>
public enum RatingLevel : byte
{
    /// <summary>非常不满意.</summary>
    VeryDissatisfied = 1,

    /// <summary>不满意.</summary>
    Dissatisfied = 2,

    /// <summary>基本满意.</summary>
    FairlySatisfied = 3,

    /// <summary>满意.</summary>
    Satisfied = 4,

    /// <summary>非常满意.</summary>
    VerySatisfied = 5,
}
