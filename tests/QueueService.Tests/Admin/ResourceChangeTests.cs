using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;

namespace Hall.QueueService.Tests.Admin;

/// <summary>Services, windows and clerks changed one at a time while the hall runs.</summary>
public sealed class ResourceChangeTests : IDisposable
{
    private readonly HallServerFactory _hall = new();

    private static JsonObject NewService(string prefix, string name) => new()
    {
        ["code"] = "11330100MB0000000X4000111" + prefix, ["name"] = name, ["nameEn"] = "Pension certificates",
        ["category"] = "民生保障", ["prefix"] = prefix, ["dailyQuota"] = 500,
        ["ticketingHours"] = new JsonArray(new JsonObject { ["from"] = "00:00", ["to"] = "24:00" }),
        ["materials"] = new JsonArray("身份证"),
    };

    [Fact]
    public async Task A_new_service_gets_the_next_id_and_tickets_with_its_prefix_at_once()
    {
        var admin = _hall.AdminClient();
        var created = await admin.PostAsync("/api/admin/services", AdminClients.JsonBody(NewService("K", "养老认证")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var service = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Equal(9, service["id"]!.GetValue<int>());
        Assert.Equal("/api/admin/services/9", created.Headers.Location?.OriginalString);

        // Window 1 (全面综合) takes it too.
        var window1 = JsonNode.Parse(await admin.GetStringAsync("/api/admin/windows/1"))!;
        window1["serviceIds"]!.AsArray().Add(9);
        await (await admin.PutAsync("/api/admin/windows/1", AdminClients.JsonBody(window1))).EnsureOkAsync();

        var services = await _hall.CreateClient().GetFromJsonAsync<List<ServiceInfo>>("/api/services", Json.Options);
        Assert.Contains(services!, s => s.Id == 9 && s.Prefix == "K" && s.Name == "养老认证");
        Assert.Equal("K001", (await _hall.IssueAsync(9)).Number);
        Assert.Equal("K002", (await _hall.IssueAsync(9)).Number);
        var clerk = await _hall.LoginAsync(1, "1001");
        Assert.Equal("K001", await clerk.CallNextNumberAsync(1));

        var again = await admin.PostAsync("/api/admin/services", AdminClients.JsonBody(NewService("L", "重复") .Also(s => s["id"] = 9)));
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Renamed_windows_and_changed_quotas_take_effect_at_once()
    {
        var admin = _hall.AdminClient();
        var window = JsonNode.Parse(await admin.GetStringAsync("/api/admin/windows/3"))!;
        window["name"] = "3号窗口 工程建设";
        await (await admin.PutAsync("/api/admin/windows/3", AdminClients.JsonBody(window))).EnsureOkAsync();
        var windows = await _hall.CreateClient().GetFromJsonAsync<List<WindowInfo>>("/api/windows", Json.Options);
        Assert.Equal("3号窗口 工程建设", windows!.Single(w => w.Number == 3).Name);

        var service = JsonNode.Parse(await admin.GetStringAsync("/api/admin/services/6"))!;
        service["dailyQuota"] = 1;
        await (await admin.PutAsync("/api/admin/services/6", AdminClients.JsonBody(service))).EnsureOkAsync();
        await _hall.IssueAsync(6);
        var refused = await _hall.CreateClient().PostAsJsonAsync("/api/tickets", new { serviceId = 6 });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task A_new_window_gets_a_live_state_and_a_renumbering_put_is_refused()
    {
        var admin = _hall.AdminClient();
        var created = await admin.PostAsync("/api/admin/windows", AdminClients.JsonBody(
            """{ "name": "9号窗口 临时", "nameEn": "Window 9", "kind": "category", "serviceIds": [1, 2] }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var windows = await _hall.CreateClient().GetFromJsonAsync<List<WindowInfo>>("/api/windows", Json.Options);
        Assert.Contains(windows!, w => w.Number == 9 && w.Name == "9号窗口 临时");

        var clerk = JsonNode.Parse(await admin.GetStringAsync("/api/admin/clerks/1002"))!;
        clerk["bPostWindows"]!.AsArray().Add(9);
        await (await admin.PutAsync("/api/admin/clerks/1002", AdminClients.JsonBody(clerk))).EnsureOkAsync();
        await _hall.IssueAsync(1);
        var client = await _hall.LoginAsync(9, "1002");
        Assert.Equal("A001", await client.CallNextNumberAsync(9));

        var renumber = await admin.PutAsync("/api/admin/windows/9", AdminClients.JsonBody("""{ "number": 10, "name": "10", "serviceIds": [1] }"""));
        Assert.Contains("number", await renumber.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_clerk_logs_in_with_the_PIN_given_and_a_new_PIN_replaces_it()
    {
        var admin = _hall.AdminClient();
        var created = await admin.PostAsync("/api/admin/clerks", AdminClients.JsonBody(
            """{ "staffCode": "2001", "name": "孙悦", "unit": "县行政审批局", "pin": "8642", "aPostWindows": [3], "bPostWindows": [] }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain("8642", body, StringComparison.Ordinal);
        Assert.DoesNotContain("pinHash", body, StringComparison.Ordinal);
        await _hall.LoginAsync(3, "2001", "8642");

        // Changing the clerk without a PIN keeps it.
        var clerk = JsonNode.Parse(await admin.GetStringAsync("/api/admin/clerks/2001"))!;
        clerk["name"] = "孙悦悦";
        await (await admin.PutAsync("/api/admin/clerks/2001", AdminClients.JsonBody(clerk))).EnsureOkAsync();
        await _hall.LoginAsync(3, "2001", "8642");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/admin/clerks/2001/pin", new { pin = "97531" })).StatusCode);
        var old = await _hall.CreateClient().PostAsJsonAsync("/api/windows/3/login", new { staffCode = "2001", pin = "8642" });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        await _hall.LoginAsync(3, "2001", "97531");

        await (await admin.PostAsJsonAsync("/api/admin/clerks/2001/pin", new { pin = "12" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/api/admin/clerks/9999/pin", new { pin = DemoCredentials.Pin })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_service_is_refused_with_400_naming_the_field()
    {
        var admin = _hall.AdminClient();
        var detail = await (await admin.PostAsync("/api/admin/services", AdminClients.JsonBody(NewService("B", "字头重复")))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("services[8].prefix", detail, StringComparison.Ordinal);
        detail = await (await admin.PutAsync("/api/admin/services/1", AdminClients.JsonBody(NewService("A", "").Also(s => s["dailyQuota"] = 0)))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("services[0].name", detail, StringComparison.Ordinal);
        Assert.Contains("services[0].dailyQuota", detail, StringComparison.Ordinal);
        detail = await (await admin.PostAsync("/api/admin/windows", AdminClients.JsonBody("""{ "name": "x", "serviceIds": "all" }"""))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("serviceIds", detail, StringComparison.Ordinal);
        await (await admin.PutAsync("/api/admin/services/42", AdminClients.JsonBody(NewService("Q", "无此业务")))).ProblemAsync(HttpStatusCode.NotFound);
    }

    public void Dispose() => _hall.Dispose();
}

internal static class JsonNodeExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
