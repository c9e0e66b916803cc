using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;

namespace Hall.QueueService.Tests.Notify;

/// <summary>The phone left for the text reminder: checked, kept only with consent, masked, found and erased.</summary>
public sealed class TurnNoticeRequestTests : IDisposable
{
    private readonly HallServerFactory _hall = new(new() { ["Notify:AheadThreshold"] = "4" });

    public void Dispose() => _hall.Dispose();

    [Theory]
    [InlineData("12345")]
    [InlineData("01012345678")]   // a landline takes no text messages
    [InlineData("23812345678")]
    public async Task A_phone_that_is_not_a_mainland_mobile_is_refused_and_nothing_is_issued(string phone)
    {
        var client = _hall.CreateClient();
        var kiosk = await client.PostAsJsonAsync("/api/tickets", new { serviceId = 1, phone, smsConsent = true });
        await AssertProblemAsync(kiosk, "invalidMobilePhone");
        var remote = await client.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 1, idNumber = "11010519491231002X", phone, smsConsent = true });
        await AssertProblemAsync(remote, "invalidMobilePhone");
        var first = await _hall.IssueAsync(1);
        Assert.Equal("A001", first.Number);
    }

    [Fact]
    public async Task Consent_without_a_phone_is_refused()
    {
        var response = await _hall.CreateClient().PostAsJsonAsync("/api/tickets", new { serviceId = 1, smsConsent = true });
        await AssertProblemAsync(response, "smsPhoneRequired");
    }

    [Fact]
    public async Task A_phone_without_consent_is_not_stored_and_one_with_consent_is_shown_masked()
    {
        var client = _hall.CreateClient();
        var without = await (await client.PostAsJsonAsync("/api/tickets", new { serviceId = 1, phone = "139 8765 4321" })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        Assert.Null(without!.SmsPhone);
        var remote = await client.PostAsJsonAsync("/api/remote-tickets", new { serviceId = 2, idNumber = "11010519491231002X", phone = "+86 138-1234-5678", smsConsent = true });
        Assert.Equal(HttpStatusCode.Created, remote.StatusCode);
        Assert.Equal("138****5678", (await remote.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!.SmsPhone);
        Assert.DoesNotContain("13987654321", await _hall.StoredTextAsync());

        // The tracking data says at how many people ahead the turn is near.
        var view = await client.GetFromJsonAsync<TicketView>($"/api/tickets/{without.Id}", Json.Options);
        Assert.Equal(4, view!.NearAhead);
    }

    [Fact]
    public async Task Erasing_a_person_by_phone_erases_the_reminder_phone_and_its_message()
    {
        var client = _hall.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/tickets", new { serviceId = 1, phone = "13812345678", smsConsent = true })).StatusCode);
        var admin = _hall.CreateAdminClient();
        var erased = await (await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { phone = "13812345678" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, erased.GetProperty("textMessages").GetInt32());   // the consent and its near message
        var again = await (await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { phone = "13812345678" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("textMessages").GetInt32());
    }

    [Fact]
    public async Task A_booking_made_with_consent_passes_its_mobile_to_the_ticket_it_becomes()
    {
        var client = _hall.CreateClient();
        var landline = await client.PostAsJsonAsync("/api/appointments", new { serviceId = 3, slotStart = HallServerFactory.Start, name = "张三", phone = "057187654321", smsConsent = true });
        await AssertProblemAsync(landline, "invalidMobilePhone");

        var booking = await client.PostAsJsonAsync("/api/appointments", new { serviceId = 3, slotStart = HallServerFactory.Start, name = "张三", phone = "13812345678", smsConsent = true });
        Assert.True(booking.StatusCode == HttpStatusCode.Created, await booking.Content.ReadAsStringAsync());
        var code = (await booking.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var ticket = await (await client.PostAsJsonAsync("/api/tickets", new { appointmentCode = code })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        Assert.Equal("138****5678", ticket!.SmsPhone);

        var plain = await client.PostAsJsonAsync("/api/appointments", new { serviceId = 3, slotStart = HallServerFactory.Start, name = "李四", phone = "13912345678" });
        var plainCode = (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var plainTicket = await (await client.PostAsJsonAsync("/api/tickets", new { appointmentCode = plainCode })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        Assert.Null(plainTicket!.SmsPhone);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains("手机", problem.GetProperty("detail").GetString());
    }
}
