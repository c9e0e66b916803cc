using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>
/// 临时顶岗: with a supervisor's grant a clerk logs in at a window that is neither their A nor their B post, recorded
/// with post <c>temporary</c>, until the grant ends. Clerk 1003 has no post at window 1 in the demo hall.
/// </summary>
public abstract class TemporaryPostScenarios(HallDatabase database) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: database);

    public void Dispose() => _hall.Dispose();

    private Task<HttpResponseMessage> LoginRawAsync(int window, string staffCode) =>
        _hall.CreateClient().PostAsJsonAsync($"/api/windows/{window}/login", new LoginRequest(staffCode, DemoCredentials.Pin));

    [Fact]
    public async Task A_granted_clerk_logs_in_as_temporary_until_the_grant_ends()
    {
        var refused = await LoginRawAsync(1, "1003");
        Assert.Equal("notAssigned", await refused.ProblemCodeAsync());

        var supervisor = await _hall.LoginSupervisorAsync();
        var grant = await supervisor.PostAsJsonAsync("/api/supervision/temporary-posts", new { staffCode = "1003", windowNumber = 1, hours = 2 });
        Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
        var listed = await supervisor.GetFromJsonAsync<JsonArray>("/api/supervision/temporary-posts");
        Assert.Equal("1003", Assert.Single(listed!)!["staffCode"]!.GetValue<string>());

        var login = await LoginRawAsync(1, "1003");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var answer = (await login.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("temporary", answer["clerk"]!["post"]!.GetValue<string>());
        var clerk = _hall.CreateClient();
        clerk.DefaultRequestHeaders.Authorization = new("Bearer", answer["token"]!.GetValue<string>());
        await _hall.IssueAsync(1);
        Assert.NotNull(await clerk.CallNextNumberAsync(1));

        // Only at that window, and only while the grant lasts: the token ends with it.
        Assert.Equal("notAssigned", await (await LoginRawAsync(2, "1003")).ProblemCodeAsync());
        _hall.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.PostAsync("/api/windows/1/recall", null)).StatusCode);
        Assert.Equal("notAssigned", await (await LoginRawAsync(1, "1003")).ProblemCodeAsync());
    }

    [Fact]
    public async Task Only_a_supervisor_grants_and_the_grant_names_a_real_clerk_window_and_hours()
    {
        var body = new { staffCode = "1003", windowNumber = 1, hours = 2 };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().PostAsJsonAsync("/api/supervision/temporary-posts", body)).StatusCode);
        var clerk = await _hall.LoginAsync(1, "1001");
        // A clerk's token is not a supervisor's credential.
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.PostAsJsonAsync("/api/supervision/temporary-posts", body)).StatusCode);

        var supervisor = await _hall.LoginSupervisorAsync();
        Assert.Equal("unknownClerk", await (await supervisor.PostAsJsonAsync("/api/supervision/temporary-posts", new { staffCode = "7777", windowNumber = 1, hours = 2 })).ProblemCodeAsync());
        Assert.Equal("unknownWindow", await (await supervisor.PostAsJsonAsync("/api/supervision/temporary-posts", new { staffCode = "1003", windowNumber = 99, hours = 2 })).ProblemCodeAsync());
        Assert.Equal("invalidHours", await (await supervisor.PostAsJsonAsync("/api/supervision/temporary-posts", new { staffCode = "1003", windowNumber = 1, hours = 13 })).ProblemCodeAsync());
    }
}

public sealed class TemporaryPostOnSqliteScenarios() : TemporaryPostScenarios(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class TemporaryPostOnPostgresScenarios(PostgresServer postgres) : TemporaryPostScenarios(HallDatabase.Postgres(postgres));
