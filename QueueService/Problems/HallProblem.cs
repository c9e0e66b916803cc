using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>
/// One refusal as the hall states it: a stable <see cref="Code"/> clients act on, a Chinese and an English sentence
/// (read Chinese first, so the detail is the two joined), its <see cref="Kind"/>, and any figures a client needs.
/// Made only by <see cref="QueueProblems"/>, so every refusal of the hall is in one catalogue.
/// </summary>
public sealed record HallProblem(ProblemKind Kind, string Code, string Chinese, string English)
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    /// <summary>A title for this one refusal (both languages); by default the kind's.</summary>
    public string Title { get; init; } = TitleOf(Kind);

    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = None;

    /// <summary>The problem detail: Chinese first, then English.</summary>
    public string Detail => Chinese + English;

    /// <summary>The refusal as an exception, for rules that stop a request part-way.</summary>
    public QueueRuleException Refuse() => new(this);

    public static string TitleOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => "请求无效 Invalid request",
        ProblemKind.Unauthenticated => "未登录或凭据无效 Not authenticated",
        ProblemKind.Forbidden => "无权操作 Forbidden",
        ProblemKind.NotFound => "未找到 Not found",
        ProblemKind.Conflict => "当前状态不允许此操作 Not allowed now",
        ProblemKind.TooLarge => "请求内容过大 Request too large",
        ProblemKind.UnsupportedMediaType => "内容类型不支持 Unsupported media type",
        ProblemKind.TooMany => "请求过于频繁 Too many requests",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
