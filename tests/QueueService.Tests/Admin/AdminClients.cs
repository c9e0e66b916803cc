using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;

namespace Hall.QueueService.Tests.Admin;

/// <summary>HTTP clients for the demo hall's administrator and helpers for problem answers.</summary>
public static class AdminClients
{
    public static HttpClient AdminClient(this HallServerFactory hall) => WithAdmin(hall.CreateClient());

    public static HttpClient WithAdmin(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        return client;
    }

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent JsonBody(JsonNode node) => JsonBody(node.ToJsonString());

    public static async Task<JsonObject> HallAsync(this HttpClient admin) =>
        JsonNode.Parse(await admin.GetStringAsync("/api/admin/hall"))!.AsObject();

    /// <summary>Asserts a problem answer with the status and returns its detail.</summary>
    public static async Task<string> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("detail").GetString()!;
    }

    public static async Task EnsureOkAsync(this HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}
