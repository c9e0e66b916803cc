using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Security;
using Hall.QueueService.Storage;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Tests.Admin;

/// <summary>
/// The administration page's own login on both databases: a bearer token the page keeps instead of the browser's
/// cached HTTP Basic, which ends at logout, after <c>Admin:SessionHours</c> and with a changed password; wrong
/// passwords count toward the lock-out; browsers never get a Basic challenge.
/// </summary>
public abstract class AdminSessionScenarios(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: hallDatabase);

    [Fact]
    public async Task A_login_answers_a_token_that_administers_until_logout()
    {
        var http = _hall.CreateClient();
        var login = await LogInAsync(http, DemoCredentials.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var answer = JsonNode.Parse(await login.Content.ReadAsStringAsync())!;
        var token = answer["token"]!.GetValue<string>();
        Assert.Equal(DemoCredentials.AdminUser, answer["user"]!.GetValue<string>());
        Assert.Equal(HallServerFactory.Start.AddHours(8), answer["expiresAt"]!.GetValue<DateTimeOffset>());

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, "/api/admin/hall", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(http, HttpMethod.Delete, "/api/admin/session", token)).StatusCode);
        var after = await SendAsync(http, HttpMethod.Get, "/api/admin/hall", token);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("invalidToken", await after.ProblemCodeAsync());

        // Both are in the tamper-evident record, naming the administrator.
        var verify = JsonNode.Parse(await _hall.AdminClient().GetStringAsync("/api/admin/audit/verify"))!;
        Assert.True(verify["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_session_ends_after_its_hours_and_when_the_password_setting_changes()
    {
        var http = _hall.CreateClient();
        var token = await TokenAsync(http);
        _hall.Clock.Advance(TimeSpan.FromHours(7.9));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, "/api/admin/hall", token)).StatusCode);
        _hall.Clock.Advance(TimeSpan.FromHours(0.2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Get, "/api/admin/hall", token)).StatusCode);

        // The same database read by a server whose administrator password has since been changed.
        var fresh = await TokenAsync(http);
        var services = _hall.Services;
        var changed = new AdminSessions(services.GetRequiredService<QueueDatabase>(), services.GetRequiredService<HallCatalogHolder>(),
            Options.Create(new AdminOptions { PasswordHash = PinHasher.Hash("a-new-password-2027") }), _hall.Clock);
        Assert.NotNull(await services.GetRequiredService<AdminSessions>().AuthenticateAsync(fresh, CancellationToken.None));
        Assert.Null(await changed.AuthenticateAsync(fresh, CancellationToken.None));
    }

    [Fact]
    public async Task Wrong_passwords_are_401_and_lock_the_address_out_after_five()
    {
        var http = _hall.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await LogInAsync(http, "not-the-password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("invalidAdmin", await wrong.ProblemCodeAsync());
        }
        var locked = await LogInAsync(http, DemoCredentials.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("loginLocked", await locked.ProblemCodeAsync());
        Assert.True(locked.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task The_login_takes_only_json_from_the_same_site()
    {
        var http = _hall.CreateClient();
        var form = await http.PostAsync("/api/admin/session",
            new StringContent($"user=admin&password={DemoCredentials.AdminPassword}", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);

        var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/admin/session")
        {
            Content = JsonContent.Create(new { user = DemoCredentials.AdminUser, password = DemoCredentials.AdminPassword }),
        };
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(foreign)).StatusCode);

        var empty = await http.PostAsJsonAsync("/api/admin/session", new { user = "admin", password = "" });
        Assert.Equal("credentialsRequired", await empty.ProblemCodeAsync());
    }

    [Fact]
    public async Task Browsers_get_no_Basic_challenge_and_a_supervisor_token_is_no_administrator()
    {
        var http = _hall.CreateClient();
        var script = await http.GetAsync("/api/admin/hall");
        Assert.Contains(script.Headers.WwwAuthenticate, h => h.Scheme == "Basic");

        var browser = new HttpRequestMessage(HttpMethod.Get, "/api/admin/hall");
        browser.Headers.Add("Sec-Fetch-Mode", "cors");
        browser.Headers.Add("Sec-Fetch-Site", "same-origin");
        var answer = await http.SendAsync(browser);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Empty(answer.Headers.WwwAuthenticate);

        var supervisor = await http.PostAsJsonAsync("/api/supervision/login", new { staffCode = "9001", pin = DemoCredentials.Pin });
        var supervisorToken = JsonNode.Parse(await supervisor.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        var refused = await SendAsync(http, HttpMethod.Get, "/api/admin/hall", supervisorToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient http, string password) =>
        http.PostAsJsonAsync("/api/admin/session", new { user = DemoCredentials.AdminUser, password });

    private static async Task<string> TokenAsync(HttpClient http)
    {
        var login = await LogInAsync(http, DemoCredentials.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return JsonNode.Parse(await login.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    public void Dispose() => _hall.Dispose();
}

public sealed class AdminSessionOnSqliteTests() : AdminSessionScenarios(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class AdminSessionOnPostgresTests(PostgresServer postgres) : AdminSessionScenarios(HallDatabase.Postgres(postgres));
