namespace Hall.QueueService.Ratings;

/// <summary>How a rating came (评价渠道): GB/T 39734 counts 现场 (evaluator, tablet) and 网上 (the phone) apart.</summary>
public static class RatingChannels
{
    /// <summary>A hardware evaluator on the hall bus.</summary>
    public const string Evaluator = "evaluator";

    /// <summary>The software evaluator page on the window's tablet.</summary>
    public const string Tablet = "tablet";

    /// <summary>The citizen's phone, from the tracking link (一事一评).</summary>
    public const string Phone = "phone";
}
