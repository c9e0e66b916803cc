using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Security;

/// <summary>The supervisor role in a hall that keeps statistics for staff.</summary>
public abstract class SupervisorTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(SecuredHall.Settings(), hallDatabase);

    public void Dispose() => _hall.Dispose();

    private Task<HttpResponseMessage> LoginAsync(string staffCode, string pin) =>
        _hall.CreateClient().PostAsJsonAsync("/api/supervision/login", new { staffCode, pin });

    [Fact]
    public async Task A_supervisor_logs_in_and_sees_follow_ups_alerts_devices_and_statistics_until_logging_out()
    {
        var login = await LoginAsync("9001", DemoCredentials.Pin);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("赵敏", body.GetProperty("name").GetString());
        Assert.Equal(HallServerFactory.Start.AddHours(12), body.GetProperty("expiresAt").GetDateTimeOffset());

        var supervisor = _hall.CreateClient();
        supervisor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        foreach (var path in new[] { "/api/follow-ups", "/api/alerts", "/api/devices", "/api/stats?from=2026-11-23&to=2026-11-23", "/api/staffing?date=2026-11-23", "/api/reports/monthly?month=2026-11" })
        {
            Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync("/api/supervision/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.GetAsync("/api/follow-ups")).StatusCode);
    }

    [Fact]
    public async Task A_clerk_may_read_statistics_for_the_console_but_is_not_a_supervisor()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/stats?from=2026-11-23&to=2026-11-23")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.GetAsync("/api/follow-ups")).StatusCode);

        var refused = await LoginAsync("1001", DemoCredentials.Pin);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("notSupervisor", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _hall.CreateAdminClient().GetAsync("/api/follow-ups")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_the_hall_s_hours_and_wrong_PINs_lock_the_supervisor()
    {
        var supervisor = await _hall.LoginSupervisorAsync();
        _hall.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.GetAsync("/api/alerts")).StatusCode);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("9001", "0000")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync("9001", DemoCredentials.Pin)).StatusCode);
        // The lock is the staff member's, whichever login is tried.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/login", new { staffCode = "9001", pin = DemoCredentials.Pin })).StatusCode);
    }
}

public sealed class SupervisorOnSqliteTests() : SupervisorTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class SupervisorOnPostgresTests(PostgresServer postgres) : SupervisorTests(HallDatabase.Postgres(postgres));
