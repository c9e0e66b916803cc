using System.Text.Json.Nodes;

namespace Hall.KioskApp.Taking;

/// <summary>A take or reprint that ended without a confirmed ticket: a problem document and its HTTP status, for the page.</summary>
public sealed record TakeFailure(int StatusCode, JsonObject Problem)
{
    public static TakeFailure Kiosk(int statusCode, string code, string title, string detail, bool retryable) => new(statusCode, new JsonObject
    {
        ["type"] = "about:blank",
        ["title"] = title,
        ["status"] = statusCode,
        ["detail"] = detail,
        ["code"] = code,
        ["retryable"] = retryable,
    });
}
