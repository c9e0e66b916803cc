using System.Net;
using System.Text.Json.Nodes;
using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.Admin;

/// <summary>Changes that would strand citizens or clerks are refused with 409 and a message in Chinese and English.</summary>
public sealed class StrandingRefusalTests : IDisposable
{
    private readonly HallServerFactory _hall = new();

    [Fact]
    public async Task A_service_with_waiting_called_or_serving_tickets_today_cannot_be_deleted()
    {
        var admin = _hall.AdminClient();
        await _hall.IssueAsync(6);
        var detail = await (await admin.DeleteAsync("/api/admin/services/6")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("道路运输许可", detail, StringComparison.Ordinal);
        Assert.Contains("Service 6", detail, StringComparison.Ordinal);

        // Called, then done: the service is free to go.
        var clerk = await _hall.LoginAsync(6, "1006");
        Assert.Equal("F001", await clerk.CallNextNumberAsync(6));
        await (await admin.DeleteAsync("/api/admin/services/6")).ProblemAsync(HttpStatusCode.Conflict);
        await clerk.ActAsync(6, "start");
        await (await admin.DeleteAsync("/api/admin/services/6")).ProblemAsync(HttpStatusCode.Conflict);
        await clerk.ActAsync(6, "finish");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/services/6")).StatusCode);
        var window6 = JsonNode.Parse(await admin.GetStringAsync("/api/admin/windows/6"))!;
        Assert.Equal("[1]", window6["serviceIds"]!.ToJsonString());
        Assert.Contains("There is no service 6", await (await _hall.CreateClient().PostAsync("/api/tickets", AdminClients.JsonBody("""{ "serviceId": 6 }"""))).ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_window_cannot_be_deleted_until_the_clerk_logs_out()
    {
        var admin = _hall.AdminClient();
        var clerk = await _hall.LoginAsync(8, "1008");
        var detail = await (await admin.DeleteAsync("/api/admin/windows/8")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("8号窗口", detail, StringComparison.Ordinal);
        Assert.Contains("log out", detail, StringComparison.Ordinal);

        await _hall.IssueAsync(8);
        Assert.Equal("H001", await clerk.CallNextNumberAsync(8));
        await (await admin.DeleteAsync("/api/admin/windows/8")).ProblemAsync(HttpStatusCode.Conflict);
        await clerk.ActAsync(8, "no-show");
        await clerk.ActAsync(8, "logout");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/windows/8")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/windows/8")).StatusCode);
        var clerk1008 = JsonNode.Parse(await admin.GetStringAsync("/api/admin/clerks/1008"))!;
        Assert.Equal("[]", clerk1008["aPostWindows"]!.ToJsonString());
    }

    [Fact]
    public async Task The_last_window_of_a_service_people_wait_for_keeps_it()
    {
        var admin = _hall.AdminClient();
        await _hall.IssueAsync(7, idNumber: "11010519491231002X"); // 户政业务 requires the ID number (实名取号)
        // Service 7 (户政业务) is served at windows 1 and 7: taking it off window 1 is fine, off window 7 then is not.
        var window1 = JsonNode.Parse(await admin.GetStringAsync("/api/admin/windows/1"))!;
        window1["serviceIds"] = new JsonArray(1, 2, 3, 4, 5, 6, 8);
        await (await admin.PutAsync("/api/admin/windows/1", AdminClients.JsonBody(window1))).EnsureOkAsync();
        var window7 = JsonNode.Parse(await admin.GetStringAsync("/api/admin/windows/7"))!;
        window7["serviceIds"] = new JsonArray(8);
        var detail = await (await admin.PutAsync("/api/admin/windows/7", AdminClients.JsonBody(window7))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("户政业务", detail, StringComparison.Ordinal);
        Assert.Contains("at least one window", detail, StringComparison.Ordinal);
        // Nor may the window itself go.
        await (await admin.DeleteAsync("/api/admin/windows/7")).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_logged_in_clerk_cannot_be_deleted_and_a_prefix_used_today_cannot_move()
    {
        var admin = _hall.AdminClient();
        await _hall.LoginAsync(2, "1002");
        await (await admin.DeleteAsync("/api/admin/clerks/1002")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/clerks/1003")).StatusCode);

        // E001 was issued for service 5 today: E may not number another service's tickets today.
        await _hall.IssueAsync(5);
        var service5 = JsonNode.Parse(await admin.GetStringAsync("/api/admin/services/5"))!;
        service5["prefix"] = "P";
        await (await admin.PutAsync("/api/admin/services/5", AdminClients.JsonBody(service5))).EnsureOkAsync();
        var service8 = JsonNode.Parse(await admin.GetStringAsync("/api/admin/services/8"))!;
        service8["prefix"] = "E";
        var detail = await (await admin.PutAsync("/api/admin/services/8", AdminClients.JsonBody(service8))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("E", detail, StringComparison.Ordinal);
        // Service 5 keeps counting under its new prefix.
        Assert.Equal("P002", (await _hall.IssueAsync(5)).Number);
    }

    public void Dispose() => _hall.Dispose();
}
