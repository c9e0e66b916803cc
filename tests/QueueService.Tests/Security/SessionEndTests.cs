using System.Net;
using System.Net.Http.Json;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Security;

/// <summary>
/// Clerk and supervisor tokens end (401) at logout, on a PIN change, when the clerk leaves the window, and after
/// <c>Security:ClerkTokenHours</c>; the supervisor's after the hall's supervisor hours.
/// </summary>
public abstract class SessionEndTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(new() { ["Security:ClerkTokenHours"] = "2" }, hallDatabase);

    public void Dispose() => _hall.Dispose();

    private static Task<HttpResponseMessage> UseWindowAsync(HttpClient clerk) => clerk.PostAsync("/api/windows/1/call-next", null);

    [Fact]
    public async Task A_clerk_token_ends_after_the_configured_hours()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        _hall.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await UseWindowAsync(clerk)).StatusCode);
        _hall.Clock.Advance(TimeSpan.FromMinutes(2));
        var refused = await UseWindowAsync(clerk);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("invalidToken", (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_clerk_token_ends_at_logout()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync("/api/windows/1/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UseWindowAsync(clerk)).StatusCode);
    }

    [Fact]
    public async Task A_PIN_change_ends_the_clerks_token_and_the_supervisors()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        var supervisor = await _hall.LoginSupervisorAsync();
        var admin = _hall.CreateAdminClient();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/admin/clerks/1001/pin", new { pin = "5678" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UseWindowAsync(clerk)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/alerts")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/admin/clerks/9001/pin", new { pin = "5678" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.GetAsync("/api/alerts")).StatusCode);
        // The new PIN works.
        var again = await _hall.LoginAsync(1, "1001", "5678");
        Assert.Equal(HttpStatusCode.NoContent, (await UseWindowAsync(again)).StatusCode);
    }

    [Fact]
    public async Task A_PIN_the_administrator_set_must_be_changed_and_changing_it_ends_the_token()
    {
        var admin = _hall.CreateAdminClient();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/admin/clerks/1001/pin", new { pin = "5678" })).StatusCode);
        var client = _hall.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = "5678" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(login.GetProperty("mustChangePin").GetBoolean());
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("token").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/windows/1/pin", new { currentPin = "0000", newPin = "8642" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/windows/1/pin", new { currentPin = "5678", newPin = "12" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/windows/1/pin", new { currentPin = "5678", newPin = "8642" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UseWindowAsync(client)).StatusCode);

        var again = await (await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = "8642" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.False(again.GetProperty("mustChangePin").GetBoolean());
    }

    [Fact]
    public async Task Taking_the_clerk_off_the_window_ends_the_token()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        var admin = _hall.CreateAdminClient();
        var current = HallFileLoader.LoadDemoHall().Clerks.Single(c => c.StaffCode == "1001");
        var moved = new { current.StaffCode, current.Name, current.Unit, aPostWindows = new[] { 2 }, bPostWindows = Array.Empty<int>() };
        var response = await admin.PutAsJsonAsync("/api/admin/clerks/1001", moved);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await UseWindowAsync(clerk)).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_token_ends_after_the_halls_supervisor_hours()
    {
        var supervisor = await _hall.LoginSupervisorAsync();
        _hall.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.GetAsync("/api/alerts")).StatusCode);
    }
}

public sealed class SessionEndOnSqliteTests() : SessionEndTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class SessionEndOnPostgresTests(PostgresServer postgres) : SessionEndTests(HallDatabase.Postgres(postgres));
