using System.Text.Json;
using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.Problems;

/// <summary>The OpenAPI document the server serves lists the problem answers each endpoint may give.</summary>
public sealed class DeclaredProblemsTests : IDisposable
{
    private readonly HallServerFactory _hall = new();

    [Theory]
    [InlineData("/api/windows/{number}/call", "post", new[] { "400", "401", "403", "404", "409" })]
    [InlineData("/api/windows/{number}/call-next", "post", new[] { "401", "403", "404", "409" })]
    [InlineData("/api/windows/{number}/rate", "post", new[] { "400", "404", "409" })]
    [InlineData("/api/windows/{number}/login", "post", new[] { "400", "401", "403", "429" })]
    [InlineData("/api/tickets", "post", new[] { "400", "401", "409", "429" })]
    [InlineData("/api/tickets/{id}", "get", new[] { "404" })]
    [InlineData("/api/appointments", "post", new[] { "400", "403", "409", "429" })]
    [InlineData("/api/admin/services/{id}", "delete", new[] { "401", "403", "404", "409", "415" })]
    [InlineData("/api/stats", "get", new[] { "400", "401" })]
    public async Task An_endpoint_lists_its_refusals_as_problem_details(string path, string method, string[] statuses)
    {
        using var document = JsonDocument.Parse(await _hall.CreateClient().GetStringAsync("/openapi/v1.json"));

        var responses = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        foreach (var status in statuses)
        {
            Assert.True(responses.TryGetProperty(status, out var response), $"{method} {path} does not list {status}: {responses}");
            Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{method} {path} {status}: {response}");
        }
    }

    public void Dispose() => _hall.Dispose();
}
