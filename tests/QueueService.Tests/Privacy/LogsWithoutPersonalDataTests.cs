using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.QueueService.Queue;
using Hall.QueueService.Tests.Appointments;
using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Privacy;

/// <summary>
/// Personal data is never logged: a real hall server with every category at Debug lives a busy morning (real-name
/// tickets, bookings, numbers from the phone, wrong input of every kind, an erasure), and its console output holds
/// none of the ID numbers, phone numbers or names it was given.
/// </summary>
public sealed class LogsWithoutPersonalDataTests
{
    private static readonly string[] Names = ["欧阳春燕", "司马远航", "诸葛明月", "上官雪梅"];

    /// <summary>A valid resident ID number (GB 11643 check character) per index.</summary>
    private static string IdNumber(int i)
    {
        var body = "3301061985" + (1001 + i).ToString("0000", System.Globalization.CultureInfo.InvariantCulture) + "28" + (i % 10);
        var valid = "0123456789X".Select(c => body + c).Single(IdNumbers.IsValid);
        return valid;
    }

    [Fact]
    public async Task A_busy_run_logs_no_ID_number_phone_or_name()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
        [
            "--Queue:DataDirectory=" + TestPaths.NewTempDirectory("logs-privacy"),
            "--Logging:LogLevel:Default=Debug",
            "--Logging:LogLevel:Microsoft=Debug",
            "--Logging:LogLevel:Microsoft.AspNetCore=Debug",
            "--RateLimits:RemoteTicketsPerHour=1000",
            "--RateLimits:AppointmentsPerHour=1000",
        ]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var given = new List<string>();

        for (var i = 0; i < 4; i++)
        {
            var id = IdNumber(i);
            var phone = AppointmentClient.Phone(40 + i);
            given.AddRange([id, phone, Names[i]]);
            await http.PostAsJsonAsync("/api/tickets", new { serviceId = 7, idNumber = id });                      // 户政业务, 实名
            await http.PostAsJsonAsync("/api/tickets", new { serviceId = 7, idNumber = id });                      // the same again: refused
            await http.PostAsJsonAsync("/api/tickets", new { serviceId = 7, idNumber = id[..17] + "Y" });          // a wrong check character
            var slots = await http.GetFromJsonAsync<JsonElement>($"/api/appointments/slots?serviceId=1&date={DateTime.Now:yyyy-MM-dd}");
            var slot = slots.EnumerateArray().FirstOrDefault(s => s.GetProperty("bookable").GetBoolean());
            var slotStart = slot.ValueKind == JsonValueKind.Undefined ? DateTimeOffset.Now.AddDays(1) : slot.GetProperty("start").GetDateTimeOffset();
            var booked = await http.PostAsJsonAsync("/api/appointments", new { serviceId = 1, slotStart, name = Names[i], phone, idNumber = id });
            await http.PostAsJsonAsync("/api/appointments", new { serviceId = 1, slotStart, name = Names[i], phone = phone[..5], idNumber = id });
            await http.PostAsJsonAsync("/api/appointments", new { serviceId = 1, slotStart, name = Names[i], phone, idNumber = id });  // the same person again
            if (booked.IsSuccessStatusCode && (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString() is { } code)
            {
                await http.GetAsync($"/api/appointments/{code}");
            }
            await http.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 1, idNumber = id });
            await http.PostAsync("/api/tickets", new StringContent($"{{\"serviceId\": 7, \"idNumber\": \"{id}\"", System.Text.Encoding.UTF8, "application/json"));
        }
        using var erase = new HttpRequestMessage(HttpMethod.Post, "/api/admin/personal-data/erase")
        {
            Content = JsonContent.Create(new { idNumber = IdNumber(0), phone = AppointmentClient.Phone(40) }),
        };
        erase.Headers.Authorization = DemoCredentials.AdminAuthorization;
        Assert.True((await http.SendAsync(erase)).IsSuccessStatusCode);

        var output = server.Output;
        Assert.Contains("/api/appointments", output, StringComparison.Ordinal);   // the run did log, at Debug
        foreach (var personal in given)
        {
            Assert.False(output.Contains(personal, StringComparison.Ordinal), $"The log holds '{personal}'.");
        }
    }
}
