using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Appointments;
using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.Appointments;

/// <summary>Booking and checking in as the tests do it, through the HTTP API.</summary>
public static class AppointmentClient
{
    public static Task<HttpResponseMessage> BookRawAsync(this HttpClient client, int serviceId, DateTimeOffset slotStart, string phone, string? idNumber = null) =>
        client.PostAsJsonAsync("/api/appointments", new { serviceId, slotStart, name = "张三", phone, idNumber });

    public static async Task<AppointmentView> BookAsync(this HttpClient client, int serviceId, DateTimeOffset slotStart, string phone, string? idNumber = null)
    {
        var response = await client.BookRawAsync(serviceId, slotStart, phone, idNumber);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AppointmentView>(Json.Options))!;
    }

    public static Task<HttpResponseMessage> CheckInRawAsync(this HttpClient client, string code) =>
        client.PostAsJsonAsync("/api/tickets", new { appointmentCode = code });

    public static async Task<IssuedTicket> CheckInAsync(this HttpClient client, string code)
    {
        var response = await client.CheckInRawAsync(code);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!;
    }

    public static async Task<IReadOnlyList<AppointmentSlot>> SlotsAsync(this HttpClient client, int serviceId, string date) =>
        (await client.GetFromJsonAsync<List<AppointmentSlot>>($"/api/appointments/slots?serviceId={serviceId}&date={date}", Json.Options))!;

    public static async Task<string?> ProblemCodeAsync(this HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>(Json.Options);
        return problem!.TryGetValue("code", out var code) ? code.GetString() : null;
    }

    /// <summary>A distinct valid mobile number per index.</summary>
    public static string Phone(int i) => "1380000" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
}
