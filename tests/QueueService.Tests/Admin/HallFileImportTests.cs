using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;

namespace Hall.QueueService.Tests.Admin;

/// <summary>Exporting and importing the whole hall file (<c>GET</c>/<c>PUT /api/admin/hall</c>).</summary>
public sealed class HallFileImportTests : IDisposable
{
    private readonly HallServerFactory _hall = new();

    [Fact]
    public async Task An_exported_hall_file_imports_unchanged_and_every_clerk_keeps_the_PIN()
    {
        var admin = _hall.AdminClient();
        var exported = await admin.GetStringAsync("/api/admin/hall");

        var import = await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(exported));
        await import.EnsureOkAsync();
        Assert.Equal(exported, await import.Content.ReadAsStringAsync());
        Assert.Equal(exported, await admin.GetStringAsync("/api/admin/hall"));
        Assert.DoesNotContain("pbkdf2", exported, StringComparison.Ordinal);

        // No PIN in the file: the stored PINs stay.
        await _hall.LoginAsync(1, "1001", DemoCredentials.Pin);
        await _hall.LoginAsync(2, "1002", DemoCredentials.Pin);
    }

    [Fact]
    public async Task The_download_is_the_same_hall_file_named_after_the_hall_and_the_day()
    {
        var admin = _hall.AdminClient();
        var response = await admin.GetAsync("/api/admin/hall/file");
        await response.EnsureOkAsync();
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("hall-demo-2026-11-23.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(await admin.GetStringAsync("/api/admin/hall"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_imported_file_takes_effect_at_once_with_plain_PINs_hashed()
    {
        var admin = _hall.AdminClient();
        var hall = await admin.HallAsync();
        hall["name"] = "示范县政务服务中心（新址）";
        hall["windows"]![1]!["name"] = "2号窗口 企业开办";
        hall["clerks"]!.AsArray().Add(new JsonObject
        {
            ["staffCode"] = "2001", ["name"] = "孙悦", ["unit"] = "县行政审批局", ["pin"] = "8642",
            ["aPostWindows"] = new JsonArray(3), ["bPostWindows"] = new JsonArray(),
        });
        await (await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(hall))).EnsureOkAsync();

        var exported = await admin.GetStringAsync("/api/admin/hall");
        Assert.Contains("孙悦", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("8642", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", exported, StringComparison.Ordinal);
        var hallInfo = await _hall.CreateClient().GetFromJsonAsync<JsonObject>("/api/hall");
        Assert.Equal("示范县政务服务中心（新址）", hallInfo!["name"]!.GetValue<string>());
        var windows = await _hall.CreateClient().GetFromJsonAsync<List<WindowInfo>>("/api/windows", Json.Options);
        Assert.Equal("2号窗口 企业开办", windows!.Single(w => w.Number == 2).Name);
        await _hall.LoginAsync(3, "2001", "8642");
    }

    [Fact]
    public async Task A_file_for_another_hall_is_refused_with_409()
    {
        var admin = _hall.AdminClient();
        var hall = await admin.HallAsync();
        hall["id"] = "another-hall";
        var detail = await (await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(hall))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("another-hall", detail, StringComparison.Ordinal);
        Assert.Contains("demo", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duplicatePrefix", "services[1].prefix")]
    [InlineData("unknownService", "windows[0].serviceIds")]
    [InlineData("unknownField", "services[0].colour")]
    [InlineData("badHours", "openingHours[0]")]
    [InlineData("shortPin", "clerks[0].pin")]
    [InlineData("newClerkWithoutPin", "clerks[9].pinHash")]
    public async Task A_bad_hall_file_is_refused_with_400_naming_the_field_and_nothing_changes(string fault, string field)
    {
        var admin = _hall.AdminClient();
        var before = await admin.GetStringAsync("/api/admin/hall");
        var hall = JsonNode.Parse(before)!.AsObject();
        switch (fault)
        {
            case "duplicatePrefix": hall["services"]![1]!["prefix"] = "A"; break;
            case "unknownService": hall["windows"]![0]!["serviceIds"]!.AsArray().Add(99); break;
            case "unknownField": hall["services"]![0]!["colour"] = "red"; break;
            case "badHours": hall["openingHours"]![0]!["to"] = "25:00"; break;
            case "shortPin": hall["clerks"]![0]!["pin"] = "12"; break;
            case "newClerkWithoutPin":
                hall["clerks"]!.AsArray().Add(new JsonObject { ["staffCode"] = "2002", ["name"] = "无密码" });
                break;
        }
        var response = await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(hall));
        var detail = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, detail, StringComparison.Ordinal);
        Assert.Equal(before, await admin.GetStringAsync("/api/admin/hall"));
    }

    [Fact]
    public async Task An_import_that_deletes_a_service_people_wait_for_is_refused_with_409()
    {
        await _hall.IssueAsync(7, idNumber: "11010519491231002X"); // 户政业务 requires the ID number (实名取号)
        var admin = _hall.AdminClient();
        var hall = await admin.HallAsync();
        hall["services"]!.AsArray().RemoveAt(6);
        foreach (var window in hall["windows"]!.AsArray())
        {
            var ids = window!["serviceIds"]!.AsArray();
            foreach (var id in ids.Where(i => i!.GetValue<int>() == 7).ToList())
            {
                ids.Remove(id);
            }
        }
        hall["windows"]!.AsArray().RemoveAt(6);
        hall["clerks"]!.AsArray().Select(c => c!["aPostWindows"]!.AsArray()).ToList().ForEach(a => a.Where(n => n!.GetValue<int>() == 7).ToList().ForEach(n => a.Remove(n)));
        hall["clerks"]!.AsArray().Select(c => c!["bPostWindows"]!.AsArray()).ToList().ForEach(a => a.Where(n => n!.GetValue<int>() == 7).ToList().ForEach(n => a.Remove(n)));

        var detail = await (await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(hall))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("户政业务", detail, StringComparison.Ordinal);
        Assert.Contains("Service 7", detail, StringComparison.Ordinal);
    }

    public void Dispose() => _hall.Dispose();
}
