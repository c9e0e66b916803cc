using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.HallBus;

/// <summary>What the hall bus tests ask a real server over HTTP: issue at service 1, read a ticket, window 1, the device states.</summary>
public static class BusHallHttp
{
    public sealed record DeviceStatus(string DeviceId, string Kind, string Status, string? Detail);

    public static async Task<IssuedTicket> IssueAsync(this HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!;
    }

    public static async Task<TicketView> TicketAsync(this HttpClient http, Guid id) =>
        (await http.GetFromJsonAsync<TicketView>($"/api/tickets/{id}", Json.Options))!;

    public static async Task<WindowInfo> Window1Async(this HttpClient http) =>
        (await http.GetFromJsonAsync<WindowInfo>("/api/windows/1", Json.Options))!;

    public static async Task<List<DeviceStatus>> DevicesAsync(this HttpClient http) =>
        (await http.GetFromJsonAsync<List<DeviceStatus>>("/api/devices", Json.Options))!;
}
