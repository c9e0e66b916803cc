using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hall.QueueService.Storage;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Security;

/// <summary>Per-device keys in a hall that requires them: kiosks issue, evaluator tablets rate their own window, the administrator issues and revokes.</summary>
public abstract class DeviceKeyTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(SecuredHall.Settings(), hallDatabase);

    public void Dispose() => _hall.Dispose();

    private Task<HttpResponseMessage> IssueWithAsync(string? key)
    {
        var client = _hall.CreateClient();
        if (key is not null)
        {
            client.WithDeviceKey(key);
        }
        return client.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;

    [Fact]
    public async Task Only_a_kiosk_with_a_valid_key_issues_and_the_ticket_records_which_kiosk()
    {
        var anonymous = await IssueWithAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("deviceKeyRequired", await CodeOf(anonymous));
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var forged = await IssueWithAsync("kiosk-1.not-the-key-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("invalidDeviceKey", await CodeOf(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, (await IssueWithAsync("no-such-device.whatever-key")).StatusCode);

        var board = await IssueWithAsync(SecuredHall.BoardKey);
        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
        Assert.Equal("wrongDeviceKind", await CodeOf(board));

        var issued = await IssueWithAsync(SecuredHall.Kiosk1Key);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var id = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        await using var connection = await _hall.Services.GetRequiredService<QueueDatabase>().OpenAsync();
        var device = await connection.ExecuteScalarAsync<string>("SELECT device FROM events WHERE ticket_id = @id AND kind = 'issued'", new { id });
        Assert.Equal("kiosk-1", device);
        // The plain key of the hall file is not kept; only a salted hash is.
        var stored = await connection.ExecuteScalarAsync<string>("SELECT definition FROM halls");
        Assert.DoesNotContain(DemoCredentials.SecretOf(DemoCredentials.Kiosk1Key), stored, StringComparison.Ordinal);
        var hash = await connection.ExecuteScalarAsync<string>("SELECT key_hash FROM device_keys WHERE device_id = 'kiosk-1'");
        Assert.StartsWith("sha256$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoCredentials.SecretOf(DemoCredentials.Kiosk1Key), hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_issues_a_new_key_which_replaces_the_old_one_and_revokes_it()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().PostAsync("/api/admin/devices/kiosk-1/key", null)).StatusCode);
        var admin = _hall.CreateAdminClient();

        var devices = await admin.GetFromJsonAsync<JsonElement>("/api/admin/devices");
        Assert.Contains(devices.EnumerateArray(), d => d.GetProperty("id").GetString() == "kiosk-1" && d.GetProperty("hasKey").GetBoolean());

        var issued = await admin.PostAsync("/api/admin/devices/kiosk-1/key", null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        Assert.StartsWith("kiosk-1.", key, StringComparison.Ordinal);
        Assert.True(key.Length > 40);

        Assert.Equal(HttpStatusCode.Unauthorized, (await IssueWithAsync(SecuredHall.Kiosk1Key)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await IssueWithAsync(key)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/devices/kiosk-1/key")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await IssueWithAsync(key)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/admin/devices/kiosk-1/key")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/devices/kiosk-99/key", null)).StatusCode);
        devices = await admin.GetFromJsonAsync<JsonElement>("/api/admin/devices");
        Assert.Contains(devices.EnumerateArray(), d => d.GetProperty("id").GetString() == "kiosk-1" && !d.GetProperty("hasKey").GetBoolean());

        // Other kiosks are untouched.
        Assert.Equal(HttpStatusCode.Created, (await IssueWithAsync(SecuredHall.Kiosk2Key)).StatusCode);
    }

    [Fact]
    public async Task A_device_added_by_the_administrator_gets_its_first_key_and_loses_it_when_deleted()
    {
        var admin = _hall.CreateAdminClient();
        var added = await admin.PostAsJsonAsync("/api/admin/devices", new { id = "kiosk-3", kind = "kiosk", name = "二楼取号机", issuesPerMinute = 10 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var key = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await IssueWithAsync(key)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/admin/devices", new { id = "kiosk-3", kind = "kiosk", name = "again" })).StatusCode);
        var bad = await admin.PostAsJsonAsync("/api/admin/devices", new { id = "Rate 9", kind = "evaluator", name = "平板" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("devices[", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await admin.PutAsJsonAsync("/api/admin/devices/kiosk-3", new { kind = "kiosk", name = "二楼取号机（东）" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await IssueWithAsync(key)).StatusCode);
        var exported = await admin.GetStringAsync("/api/admin/hall");
        Assert.Contains("二楼取号机（东）", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Split('.')[1], exported, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/devices/kiosk-3")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await IssueWithAsync(key)).StatusCode);
        // Added again under the same id, the device does not get its old key back.
        await admin.PostAsJsonAsync("/api/admin/devices", new { id = "kiosk-3", kind = "kiosk", name = "二楼取号机" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await IssueWithAsync(key)).StatusCode);
    }

    [Fact]
    public async Task An_evaluator_tablet_rates_only_its_own_window()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        await IssueWithAsync(SecuredHall.Kiosk1Key);
        await clerk.ActAsync(1, "call-next");
        await clerk.ActAsync(1, "finish");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _hall.CreateClient().WithDeviceKey(SecuredHall.Kiosk1Key).PostAsJsonAsync("/api/windows/1/rate", new { level = 1 })).StatusCode);
        var tablet = _hall.CreateClient().WithDeviceKey(SecuredHall.Evaluator1Key);
        var otherWindow = await tablet.PostAsJsonAsync("/api/windows/2/rate", new { level = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, otherWindow.StatusCode);
        Assert.Equal("otherWindow", await CodeOf(otherWindow));
        Assert.Equal(HttpStatusCode.OK, (await tablet.PostAsJsonAsync("/api/windows/1/rate", new { level = 5 })).StatusCode);
    }

    [Fact]
    public async Task Device_reports_need_a_key_and_a_revoked_key_cannot_open_the_hub()
    {
        var report = new { deviceId = "led:201", kind = "led", status = "online" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().PostAsJsonAsync("/api/devices/status", report)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _hall.CreateClient().WithDeviceKey(SecuredHall.BoardKey).PostAsJsonAsync("/api/devices/status", report)).StatusCode);

        await _hall.CreateAdminClient().DeleteAsync("/api/admin/devices/board-1/key");
        var negotiate = await _hall.CreateClient().WithDeviceKey(SecuredHall.BoardKey).PostAsync("/hubs/hall/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        var byQuery = await _hall.CreateClient().PostAsync("/hubs/hall/negotiate?negotiateVersion=1&access_token=" + SecuredHall.BoardKey, null);
        Assert.Equal(HttpStatusCode.Unauthorized, byQuery.StatusCode);
        // Displays without a key still read the hall: the hub carries only what the boards show anyway.
        Assert.Equal(HttpStatusCode.OK, (await _hall.CreateClient().PostAsync("/hubs/hall/negotiate?negotiateVersion=1", null)).StatusCode);
    }
}

public sealed class DeviceKeyOnSqliteTests() : DeviceKeyTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class DeviceKeyOnPostgresTests(PostgresServer postgres) : DeviceKeyTests(HallDatabase.Postgres(postgres));
