using System.Text;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;

namespace Hall.QueueService.Api;

/// <summary>What administration handlers read from a request: the body in the hall file's shape, and who sent it.</summary>
public static class AdminRequest
{
    /// <summary>The body read strictly like a hall file (unknown fields refused); 400 names the bad field.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, string what, CancellationToken cancellationToken) where T : class
    {
        var json = await ReadTextAsync(request, cancellationToken);
        try
        {
            return HallImport.Read<T>(json, what);
        }
        catch (HallFileException e)
        {
            throw QueueProblems.InvalidHall([e.Message]);
        }
    }

    /// <summary>The body as text (UTF-8), for handlers that look at it before reading it in the hall file's shape.</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>The administrator's user name for the event record (authentication has already checked the credential).</summary>
    public static string Administrator(HttpContext http) => http.User.Identity?.Name is { Length: > 0 } user ? user : "admin";

    /// <summary>The administration answer body: the hall file's JSON conventions (e.g. days as names).</summary>
    public static IResult Json<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(value, HallFileLoader.JsonOptions, "application/json", statusCode);
}
