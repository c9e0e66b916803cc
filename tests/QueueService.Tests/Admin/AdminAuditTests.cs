using System.Net.Http.Json;
using Dapper;
using Hall.QueueService.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Hall.QueueService.Tests.Admin;

public sealed class AdminAuditTests : IDisposable
{
    private readonly HallServerFactory _hall = new();

    [Fact]
    public async Task Every_change_is_recorded_with_the_administrator_and_what_changed_and_refusals_are_not()
    {
        var admin = _hall.AdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/clerks/1004/pin", new { pin = "24680" })).EnsureOkAsync();
        await (await admin.DeleteAsync("/api/admin/clerks/1007")).EnsureOkAsync();
        await _hall.LoginAsync(1, "1001");
        Assert.False((await admin.DeleteAsync("/api/admin/windows/1")).IsSuccessStatusCode);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_hall.DataDirectory, "queue.db")};Mode=ReadOnly;Pooling=False");
        var rows = (await connection.QueryAsync<(string Device, string Detail, string HallDate)>(
            "SELECT device, detail, hall_date FROM events WHERE kind = 'hallChanged' ORDER BY id")).ToList();
        Assert.Equal([("admin:admin", "clerk 1004 PIN set", "2026-11-23"), ("admin:admin", "clerk 1007 deleted", "2026-11-23")], rows);
    }

    [Fact]
    public async Task A_service_nobody_serves_yet_does_not_block_other_changes()
    {
        var admin = _hall.AdminClient();
        await (await admin.PostAsync("/api/admin/services", AdminClients.JsonBody(
            """{ "code": "K-1", "name": "养老认证", "category": "民生保障", "prefix": "K", "dailyQuota": 500, "ticketingHours": [{ "from": "00:00", "to": "24:00" }] }"""))).EnsureOkAsync();
        Assert.Equal("K001", (await _hall.IssueAsync(9)).Number);
        var window = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync("/api/admin/windows/4"))!;
        window["name"] = "4号窗口 不动产";
        await (await admin.PutAsync("/api/admin/windows/4", AdminClients.JsonBody(window))).EnsureOkAsync();
    }

    public void Dispose() => _hall.Dispose();
}
