using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hall.Hardware.Simulators;
using Hall.KioskApp.Taking;
using Hall.KioskApp.Tests.Support;
using Hall.TestSupport;
using Xunit;

namespace Hall.KioskApp.Tests.IdCard;

/// <summary>End to end: the simulated reader on a socat pty pair, a real KioskApp with --IdCard:PortName, a real hall server.</summary>
[Collection(HallCollection.Name)]
public sealed class IdCardTakeTests(HallServerFixture hall)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Fact]
    public async Task A_card_laid_on_the_reader_takes_a_number_masked_once_per_person_and_without_the_card_useIdCard_is_refused()
    {
        await using var line = await IdCardReaderOnPty.StartAsync();
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url, "--IdCard:PortName=" + line.KioskPortName);
        var card = TestIdCards.ZhangSan;
        var service = await hall.OpenServiceAsync("G"); // 户政业务: the demo hall's real-name service
        Assert.True(service.RequiresId);

        await Eventually.TrueAsync(async () => (await IdCardAsync(kiosk))["reader"]?.ToString() == "online", explain: () => kiosk.Process.Output);
        Assert.False((await IdCardAsync(kiosk))["present"]!.GetValue<bool>());
        using (var none = await kiosk.Http.PostAsJsonAsync("/api/take", new { serviceId = service.Id, useIdCard = true }))
        {
            await AssertProblemAsync(none, HttpStatusCode.Conflict, "noIdCard");
        }

        line.Reader.Lay(card);
        await Eventually.TrueAsync(async () => (await IdCardAsync(kiosk))["present"]!.GetValue<bool>(), explain: () => kiosk.Process.Output);
        var shown = await IdCardAsync(kiosk);
        Assert.Equal("张*", shown["maskedName"]!.ToString());
        Assert.Equal("**************4514", shown["maskedIdNumber"]!.ToString());
        Assert.DoesNotContain(card.IdNumber, shown.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("东城区", shown.ToJsonString(), StringComparison.Ordinal);

        using var taken = await kiosk.Http.PostAsJsonAsync("/api/take", new { serviceId = service.Id, useIdCard = true });
        var text = await taken.Content.ReadAsStringAsync();
        Assert.True(taken.StatusCode == HttpStatusCode.OK, $"{(int)taken.StatusCode}: {text}\n{kiosk.Process.Output}");
        var ticket = JsonSerializer.Deserialize<TakeResponse>(text, Json)!.Ticket;
        Assert.Equal("**************4514", ticket.MaskedIdNumber);
        var job = await File.ReadAllBytesAsync(kiosk.TicketFile(ticket.Number));
        Assert.True(EscPosReader.Contains(job, "**************4514"), "the ticket prints the masked number");
        Assert.False(EscPosReader.Contains(job, card.IdNumber), "never the full number");
        Assert.False(EscPosReader.Contains(job, card.Name), "nor the name");

        // The same person again, while the first ticket waits: the server's record (masked) comes back with the refusal.
        using (var again = await kiosk.Http.PostAsJsonAsync("/api/take", new { serviceId = service.Id, useIdCard = true }))
        {
            var problem = await AssertProblemAsync(again, HttpStatusCode.Conflict, "duplicateTicket");
            Assert.Equal(ticket.Number, problem["ticket"]!["number"]!.ToString());
            Assert.Equal("**************4514", problem["ticket"]!["maskedIdNumber"]!.ToString());
        }

        line.Reader.TakeAway();
        using (var gone = await kiosk.Http.PostAsJsonAsync("/api/take", new { serviceId = service.Id, useIdCard = true }))
        {
            await AssertProblemAsync(gone, HttpStatusCode.Conflict, "noIdCard");
        }
        Assert.False((await IdCardAsync(kiosk))["present"]!.GetValue<bool>());
        Assert.DoesNotContain(card.IdNumber, kiosk.Process.Output, StringComparison.Ordinal); // nothing in the kiosk's log
        Assert.DoesNotContain(card.IdNumber, hall.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requiresId_service_refuses_a_ticket_without_an_id_number_and_the_reader_is_reported_to_supervision()
    {
        await using var line = await IdCardReaderOnPty.StartAsync();
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url, "--IdCard:PortName=" + line.KioskPortName,
            "--Kiosk:DeviceId=kiosk-1"); // a device the hall has: reports for others are refused
        var service = await hall.OpenServiceAsync("G");

        using (var anonymous = await kiosk.Http.PostAsJsonAsync("/api/take", new { serviceId = service.Id }))
        {
            await AssertProblemAsync(anonymous, HttpStatusCode.BadRequest, "idNumberRequired");
        }

        await Eventually.TrueAsync(async () => await ReaderStatusAsync() == "online", explain: () => kiosk.Process.Output);
        line.Reader.IsResponsive = false; // unplugged, or its SAM hung
        await Eventually.TrueAsync(async () => await ReaderStatusAsync() == "offline", explain: () => kiosk.Process.Output);
        Assert.Equal("offline", (await IdCardAsync(kiosk))["reader"]!.ToString());
        line.Reader.IsResponsive = true;
        await Eventually.TrueAsync(async () => await ReaderStatusAsync() == "online", explain: () => kiosk.Process.Output);
        Assert.False(kiosk.Process.HasExited);
    }

    [Fact]
    public async Task A_bad_IdCard_setting_stops_start_up_naming_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Kiosk.StartWithFilePrinterAsync(hall.Url, "--IdCard:BaudRate=12345"));
        Assert.Contains("IdCard:BaudRate", error.Message, StringComparison.Ordinal);
    }

    private async Task<string?> ReaderStatusAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, hall.Url + "/api/devices");
        request.Headers.Authorization = DemoCredentials.AdminAuthorization;
        using var response = await hall.Http.SendAsync(request);
        var devices = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonArray>();
        // Each test's kiosk has its own device id; the newest report of any reader is enough here.
        return devices!.OfType<JsonObject>().Where(d => d["kind"]?.ToString() == "idCardReader")
            .OrderByDescending(d => d["updatedAt"]?.ToString(), StringComparer.Ordinal).FirstOrDefault()?["status"]?.ToString();
    }

    private static async Task<JsonObject> IdCardAsync(Kiosk kiosk) => (await kiosk.Http.GetFromJsonAsync<JsonObject>("/api/id-card"))!;

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(code, problem["code"]?.ToString());
        return problem;
    }
}
