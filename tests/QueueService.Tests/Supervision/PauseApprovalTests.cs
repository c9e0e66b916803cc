using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hall.TestSupport;
using Hall.Contracts.Hub;
using Hall.QueueService.Supervision;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>
/// Pause reasons from the hall file: 现场勘察 needs a supervisor's approval, otherwise the pause counts as 离岗. The
/// clock starts on Monday 23 November 2026, 09:00, in opening hours.
/// </summary>
public abstract class PauseApprovalTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(new() { ["Supervision:LongPauseMinutes"] = "15" }, hallDatabase);

    public void Dispose() => _hall.Dispose();

    private Task<int> CheckAsync() => _hall.Services.GetRequiredService<AlertMonitor>().CheckAsync();

    private async Task<List<AlertView>> OpenAlertsAsync(string kind) =>
        (await _hall.CreateAdminClient().GetFromJsonAsync<List<AlertView>>("/api/alerts", Json.Options))!.Where(a => a.Kind == kind).ToList();

    [Fact]
    public async Task The_console_offers_the_halls_reasons_and_says_which_need_approval()
    {
        var reasons = await _hall.CreateClient().GetFromJsonAsync<JsonElement>("/api/pause-reasons");
        Assert.Contains(reasons.EnumerateArray(), r => r.GetProperty("text").GetString() == "现场勘察" && r.GetProperty("needsApproval").GetBoolean());
        Assert.Contains(reasons.EnumerateArray(), r => r.GetProperty("text").GetString() == "其他" && !r.GetProperty("needsApproval").GetBoolean());
    }

    [Fact]
    public async Task An_approved_site_visit_is_not_leaving_the_post_and_an_unapproved_one_is()
    {
        var supervisor = await _hall.LoginSupervisorAsync();
        var first = await _hall.LoginAsync(1, "1001");
        var second = await _hall.LoginAsync(2, "1002");

        // Paused for a site visit: the supervisors are asked at once, before any check.
        (await first.PostAsJsonAsync("/api/windows/1/pause", new { reason = "现场勘察" })).EnsureSuccessStatusCode();
        var asked = Assert.Single(await OpenAlertsAsync(AlertKinds.PauseApproval));
        Assert.Equal(1, asked.WindowNumber);
        Assert.Contains("现场勘察", asked.Message, StringComparison.Ordinal);
        (await second.PostAsJsonAsync("/api/windows/2/pause", new { reason = "现场勘察" })).EnsureSuccessStatusCode();

        var pending = await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/pause-approvals");
        Assert.Equal(["pending", "pending"], pending.EnumerateArray().Select(p => p.GetProperty("decision").GetString()));

        // A clerk cannot approve their own pause (a clerk's token is no supervisor's login); the supervisor approves window 1's and rejects window 2's.
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.PostAsJsonAsync("/api/supervision/pause-approvals/1", new { approve = true })).StatusCode);
        (await supervisor.PostAsJsonAsync("/api/supervision/pause-approvals/1", new { approve = true })).EnsureSuccessStatusCode();
        (await supervisor.PostAsJsonAsync("/api/supervision/pause-approvals/2", new { approve = false })).EnsureSuccessStatusCode();
        var again = await supervisor.PostAsJsonAsync("/api/supervision/pause-approvals/2", new { approve = true });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("pauseAlreadyDecided", await again.ProblemCodeAsync());

        _hall.Clock.Advance(TimeSpan.FromMinutes(40));
        await CheckAsync();
        var leftPost = Assert.Single(await OpenAlertsAsync(AlertKinds.LongPause));
        Assert.Equal(2, leftPost.WindowNumber);

        // Back, then paused for something that needs no approval: nothing to decide.
        (await first.PostAsync("/api/windows/1/resume", null)).EnsureSuccessStatusCode();
        (await first.PostAsJsonAsync("/api/windows/1/pause", new { reason = "临时离开" })).EnsureSuccessStatusCode();
        var nothing = await supervisor.PostAsJsonAsync("/api/supervision/pause-approvals/1", new { approve = true });
        Assert.Equal("noPauseToApprove", await nothing.ProblemCodeAsync());
        Assert.Single(await OpenAlertsAsync(AlertKinds.PauseApproval), a => a.WindowNumber == 1);

        await using var connection = await _hall.Services.GetRequiredService<Hall.QueueService.Storage.QueueDatabase>().OpenAsync();
        var decisions = (await connection.QueryAsync<(string Kind, string Device, long? WindowNumber)>(
            "SELECT kind, device, window_number FROM events WHERE kind IN ('pauseApproved', 'pauseRejected') ORDER BY id")).ToList();
        Assert.Equal([("pauseApproved", "supervisor:9001", 1L), ("pauseRejected", "supervisor:9001", 2L)], decisions);
    }

    [Fact]
    public async Task A_hall_file_with_a_reason_listed_twice_names_the_field()
    {
        var demo = HallSetup.HallFileLoader.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "QueueService", "HallSetup", "DemoHall.json")), "demo");
        var errors = HallSetup.HallDefinitionValidator.Validate(demo with
        {
            PauseReasons = [new("现场勘察", true), new("现场勘察")],
        });
        Assert.Contains(errors, e => e.StartsWith("pauseReasons[1].text", StringComparison.Ordinal));
    }
}

public sealed class PauseApprovalOnSqliteTests() : PauseApprovalTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PauseApprovalOnPostgresTests(PostgresServer postgres) : PauseApprovalTests(HallDatabase.Postgres(postgres));
