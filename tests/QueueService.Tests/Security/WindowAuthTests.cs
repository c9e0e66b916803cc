using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Security;

public abstract class WindowAuthTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: hallDatabase);

    [Fact]
    public async Task A_wrong_PIN_is_401_and_the_right_one_gives_a_token_with_the_post()
    {
        var client = _hall.CreateClient();
        var wrong = await client.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = "0000" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);

        var unknown = await client.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "9999", pin = DemoCredentials.Pin });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        var right = await client.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var login = await right.Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        Assert.False(string.IsNullOrEmpty(login!.Token));
        Assert.Equal("A", login.Clerk.Post);

        // 1001 is the B-post clerk of window 2.
        var backup = await client.PostAsJsonAsync("/api/windows/2/login", new { staffCode = "1001", pin = DemoCredentials.Pin });
        Assert.Equal("B", (await backup.Content.ReadFromJsonAsync<LoginResponse>(Json.Options))!.Clerk.Post);
    }

    [Fact]
    public async Task A_clerk_not_assigned_to_the_window_cannot_log_in_there()
    {
        var response = await _hall.CreateClient().PostAsJsonAsync("/api/windows/7/login", new { staffCode = "1001", pin = DemoCredentials.Pin });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Window_actions_need_that_windows_token()
    {
        var anonymous = _hall.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.StatusOfAsync(1, "call-next"));

        var forged = _hall.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, await forged.StatusOfAsync(1, "call-next"));

        var clerkOfWindow2 = await _hall.LoginAsync(2, "1002");
        Assert.Equal(HttpStatusCode.Forbidden, await clerkOfWindow2.StatusOfAsync(1, "call-next"));
        Assert.Equal(HttpStatusCode.NoContent, await clerkOfWindow2.StatusOfAsync(2, "call-next"));
    }

    [Fact]
    public async Task Finishing_with_nothing_at_the_window_is_409()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "finish"));
        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "start"));
        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "recall"));
        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "no-show"));
        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "transfer", new { serviceId = 2 }));
    }

    [Fact]
    public async Task Logging_out_or_a_new_login_ends_the_old_token()
    {
        var first = await _hall.LoginAsync(1, "1001");
        var second = await _hall.LoginAsync(1, "1002");
        Assert.Equal(HttpStatusCode.Unauthorized, await first.StatusOfAsync(1, "call-next"));

        Assert.Equal(HttpStatusCode.OK, await second.StatusOfAsync(1, "logout"));
        Assert.Equal(HttpStatusCode.Unauthorized, await second.StatusOfAsync(1, "call-next"));
        var window = await _hall.CreateClient().GetFromJsonAsync<WindowInfo>("/api/windows/1", Json.Options);
        Assert.Equal(WindowState.Closed, window!.State);
        Assert.Null(window.Clerk);
    }

    [Fact]
    public async Task Windows_list_their_services_state_and_clerk()
    {
        await _hall.LoginAsync(1, "1001");
        var windows = await _hall.CreateClient().GetFromJsonAsync<List<WindowInfo>>("/api/windows", Json.Options);
        Assert.True(windows!.Count >= 6);
        var first = windows.Single(w => w.Number == 1);
        Assert.Equal(WindowState.Idle, first.State);
        Assert.Equal("王丽", first.Clerk!.Name);
        Assert.Equal(8, first.ServiceIds.Count);
        Assert.Equal(201, first.Devices.LedAddress);
        Assert.Equal(WindowState.Closed, windows.Single(w => w.Number == 2).State);
    }

    public void Dispose() => _hall.Dispose();
}

public sealed class WindowAuthOnSqliteTests() : WindowAuthTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class WindowAuthOnPostgresTests(PostgresServer postgres) : WindowAuthTests(HallDatabase.Postgres(postgres));
