using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Abuse;

/// <summary>The green channel's PIN, the lock-out under concurrency, bounded input, cross-site admin requests and device reports.</summary>
public abstract class SecretAndInputTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: hallDatabase);

    public void Dispose() => _hall.Dispose();

    [Fact]
    public async Task The_green_channel_needs_the_clerks_pin_and_wrong_pins_count_toward_the_lock_out()
    {
        var client = _hall.CreateClient();
        var noPin = await client.PostAsJsonAsync("/api/tickets", new { serviceId = 1, priority = "green", staffCode = "1001" });
        Assert.Equal(HttpStatusCode.Unauthorized, noPin.StatusCode);
        Assert.Equal("greenChannelNeedsPin", await noPin.ProblemCodeAsync());

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/tickets", new { serviceId = 1, priority = "green", staffCode = "1001", pin = "0000" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        // Five wrong PINs at the kiosk lock the clerk, at the kiosk and at the window alike.
        var locked = await client.PostAsJsonAsync("/api/windows/1/login", new LoginRequest("1001", DemoCredentials.Pin));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("loginLocked", await locked.ProblemCodeAsync());
        // No ticket was taken by any refusal.
        var first = await _hall.IssueAsync(1);
        Assert.Equal("A001", first.Number);

        // Another clerk's PIN opens it.
        var green = await _hall.IssueAsync(1, priority: "green", staffCode: "1002");
        Assert.Equal(TicketPriority.Green, green.Priority);
    }

    [Fact]
    public async Task Of_50_parallel_wrong_pins_for_one_staff_code_at_most_5_are_checked()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            _hall.CreateClient().PostAsJsonAsync("/api/windows/1/login", new LoginRequest("1001", "9999"))));

        var checkedCount = answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized);
        Assert.InRange(checkedCount, 1, 5);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Unauthorized), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        // The right PIN is refused too while the lock lasts.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/login", new LoginRequest("1001", DemoCredentials.Pin))).StatusCode);
    }

    [Fact]
    public async Task A_megabyte_staff_code_is_413_a_long_one_400_and_neither_is_stored()
    {
        (await _hall.CreateClient().GetAsync("/health")).EnsureSuccessStatusCode();
        var before = (await _hall.StoredTextAsync()).Length;
        var huge = new string('9', 1024 * 1024);
        var body = new StringContent(JsonSerializer.Serialize(new { staffCode = huge, pin = DemoCredentials.Pin }), Encoding.UTF8, "application/json");
        var tooLarge = await _hall.CreateClient().PostAsync("/api/windows/1/login", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("requestTooLarge", await tooLarge.ProblemCodeAsync());

        var tooLong = await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/login", new LoginRequest(new string('9', 500), DemoCredentials.Pin));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("fieldTooLong", problem.GetProperty("code").GetString());
        Assert.Equal("staffCode", problem.GetProperty("field").GetString());

        var stored = await _hall.StoredTextAsync();
        Assert.DoesNotContain(new string('9', 100), stored, StringComparison.Ordinal);
        Assert.InRange(stored.Length, before, before + 20_000);
    }

    [Fact]
    public async Task A_text_plain_or_foreign_origin_admin_request_changes_nothing()
    {
        var admin = _hall.CreateAdminClient();
        var hall = await admin.GetStringAsync("/api/admin/hall");
        var renamed = hall.Replace("示范县政务服务中心", "示范县政务服务中心X", StringComparison.Ordinal);
        Assert.NotEqual(hall, renamed);

        var plain = await admin.PutAsync("/api/admin/hall", new StringContent(renamed, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        var form = await admin.PutAsync("/api/admin/hall", new FormUrlEncodedContent([new("hall", renamed)]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);

        using var foreign = new HttpRequestMessage(HttpMethod.Put, "/api/admin/hall") { Content = new StringContent(renamed, Encoding.UTF8, "application/json") };
        foreign.Headers.Add("Origin", "https://evil.example");
        var refused = await admin.SendAsync(foreign);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("foreignOrigin", await refused.ProblemCodeAsync());

        Assert.Equal(hall, await admin.GetStringAsync("/api/admin/hall"));

        // The admin page's own requests (same origin, JSON) still work.
        using var own = new HttpRequestMessage(HttpMethod.Put, "/api/admin/hall") { Content = new StringContent(renamed, Encoding.UTF8, "application/json") };
        own.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task Status_reports_are_taken_only_for_devices_the_hall_has()
    {
        var client = _hall.CreateClient();
        var unknown = await client.PostAsJsonAsync("/api/devices/status", new { deviceId = "printer-99", kind = "printer", status = "fault" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unknownDevice", await unknown.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/devices/status", new { deviceId = "led:999", kind = "ledStrip", status = "fault" })).StatusCode);
        var longDetail = await client.PostAsJsonAsync("/api/devices/status", new { deviceId = "kiosk-1/printer", kind = "printer", status = "fault", detail = new string('x', 2000) });
        Assert.Equal(HttpStatusCode.BadRequest, longDetail.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/devices/status", new { deviceId = "kiosk-1/printer", kind = "printer", status = "paperOut" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/devices/status", new { deviceId = "led:201", kind = "ledStrip", status = "online" })).StatusCode);
        var stored = await _hall.StoredTextAsync();
        Assert.DoesNotContain("printer-99", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("led:999", stored, StringComparison.Ordinal);
    }
}

public sealed class SecretAndInputOnSqliteTests() : SecretAndInputTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class SecretAndInputOnPostgresTests(PostgresServer postgres) : SecretAndInputTests(HallDatabase.Postgres(postgres));
