using System.Text.Json;

namespace Hall.QueueService.Uplink;

/// <summary>The JSON of the uplink on both ends (camelCase, as every API of the hall).</summary>
public static class UplinkJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The <c>detail</c> of a problem answer, else the start of the body: enough for a person to see why, never a whole page.</summary>
    public static string ProblemDetail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                return detail.GetString()!;
            }
        }
        catch (JsonException)
        {
        }
        return body.Length > 200 ? body[..200] : body;
    }
}
