namespace Hall.QueueService.Queue;

/// <summary>
/// A request the hall's rules refuse. Becomes an RFC 7807 problem with a message a person understands
/// (Chinese first, as clerks and citizens read it).
/// </summary>
public sealed class QueueRuleException(int statusCode, string title, string detail, string code, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;

    public string Detail { get; } = detail;

    /// <summary>A stable machine-readable reason, e.g. <c>quotaExhausted</c>, for clients that act on it.</summary>
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    public static QueueRuleException BadRequest(string code, string detail) => new(StatusCodes.Status400BadRequest, "请求无效 Invalid request", detail, code);

    public static QueueRuleException Unauthorized(string code, string detail) => new(StatusCodes.Status401Unauthorized, "未登录或凭据无效 Not authenticated", detail, code);

    public static QueueRuleException Forbidden(string code, string detail) => new(StatusCodes.Status403Forbidden, "无权操作 Forbidden", detail, code);

    public static QueueRuleException NotFound(string code, string detail) => new(StatusCodes.Status404NotFound, "未找到 Not found", detail, code);

    public static QueueRuleException Conflict(string code, string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(StatusCodes.Status409Conflict, "当前状态不允许此操作 Not allowed now", detail, code, extensions);
}
