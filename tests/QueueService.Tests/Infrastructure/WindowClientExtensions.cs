using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Api;

namespace Hall.QueueService.Tests.Infrastructure;

/// <summary>Clerk actions as a test reads them: the ticket, or the status code of a refusal.</summary>
public static class WindowClientExtensions
{
    public static async Task<TicketView?> ActAsync(this HttpClient client, int window, string action, object? body = null)
    {
        var response = body is null
            ? await client.PostAsync($"/api/windows/{window}/{action}", null)
            : await client.PostAsJsonAsync($"/api/windows/{window}/{action}", body);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<WindowActionResult>(Json.Options))!.Ticket;
    }

    public static async Task<string?> CallNextNumberAsync(this HttpClient client, int window) => (await client.ActAsync(window, "call-next"))?.Number;

    public static async Task<HttpStatusCode> StatusOfAsync(this HttpClient client, int window, string action, object? body = null)
    {
        var response = body is null
            ? await client.PostAsync($"/api/windows/{window}/{action}", null)
            : await client.PostAsJsonAsync($"/api/windows/{window}/{action}", body);
        return response.StatusCode;
    }
}
