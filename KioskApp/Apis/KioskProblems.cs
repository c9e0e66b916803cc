using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.KioskApp.Apis;

/// <summary>The kiosk's own refusals to its page, as problem details with a stable <c>code</c>.</summary>
public static class KioskProblems
{
    /// <summary>503 while the hall server cannot be asked; the page keeps trying.</summary>
    public static ProblemHttpResult ServerUnreachable() => TypedResults.Problem(
        title: "暂时无法连接叫号服务器",
        detail: "暂时无法连接叫号服务器，正在重试。",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        extensions: new Dictionary<string, object?> { ["code"] = "serverUnreachable", ["retryable"] = true });

    public static ProblemHttpResult NoGuide() => TypedResults.Problem(
        title: "暂无办事指南",
        detail: "该事项暂无办事指南，请到咨询导办台咨询。There is no guide for this service; ask at the help desk.",
        statusCode: StatusCodes.Status404NotFound,
        extensions: new Dictionary<string, object?> { ["code"] = "noGuide" });
}
