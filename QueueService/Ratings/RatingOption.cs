namespace Hall.QueueService.Ratings;

/// <summary>A reason a citizen may tick under a rating level (评价选项): a stable code, and its words in Chinese and English.</summary>
public sealed record RatingOption(string Code, string Text, string? TextEn = null);

/// <summary>
/// The default reasons under each level, in the spirit of GB/T 39734-2020 (7.3 评价等级及选项设置, Annex A 差评评价内容):
/// what went well under the good levels; under the bad ones what a 差评 is classified by (attitude, efficiency,
/// 一次性告知, deadlines, 跑动 and materials, the guide). A hall replaces them in its file's <c>ratingOptions</c>.
/// </summary>
public static class RatingOptionDefaults
{
    private static readonly IReadOnlyList<RatingOption> Good =
    [
        new("attitudeGood", "服务态度好", "Friendly service"),
        new("efficient", "办事效率高", "Quick and efficient"),
        new("toldAtOnce", "一次性告知到位", "Told everything at once"),
        new("guideClear", "办事指南清晰", "Clear service guide"),
        new("doneInOneVisit", "一次办成", "Done in one visit"),
    ];

    private static readonly IReadOnlyList<RatingOption> Bad =
    [
        new("attitudePoor", "服务态度差", "Unfriendly service"),
        new("slow", "办事效率低", "Slow service"),
        new("notToldAtOnce", "一次性告知不到位", "Not told everything at once"),
        new("notOnTime", "未按时办结", "Not finished on time"),
        new("manyVisits", "多次跑动", "Had to come back several times"),
        new("tooManyMaterials", "材料要求多", "Too many documents asked for"),
        new("guideUnclear", "办事指南不清晰", "Unclear service guide"),
        new("passedAround", "推诿扯皮", "Passed from desk to desk"),
    ];

    public static IReadOnlyDictionary<int, IReadOnlyList<RatingOption>> All { get; } = new Dictionary<int, IReadOnlyList<RatingOption>>
    {
        [5] = Good,
        [4] = Good,
        [3] =
        [
            new("waitLong", "等候时间较长", "Long wait"),
            new("guideUnclear", "办事指南不清晰", "Unclear service guide"),
            new("notToldAtOnce", "一次性告知不到位", "Not told everything at once"),
        ],
        [2] = Bad,
        [1] = Bad,
    };
}
