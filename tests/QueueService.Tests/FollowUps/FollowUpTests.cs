using System.Net;
using System.Net.Http.Json;
using Hall.QueueService.FollowUps;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.FollowUps;

public abstract class FollowUpTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: hallDatabase);

    private async Task RateNextAsync(HttpClient clerk, int level)
    {
        await _hall.IssueAsync(1);
        await clerk.ActAsync(1, "call-next");
        await clerk.ActAsync(1, "finish");
        var rated = await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
    }

    [Fact]
    public async Task A_bad_rating_opens_a_follow_up_due_in_fifteen_working_days_and_a_good_one_does_not()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        await RateNextAsync(clerk, 5);
        await RateNextAsync(clerk, 2);

        var open = await _hall.CreateAdminClient().GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups", Json.Options);
        var followUp = Assert.Single(open!);
        Assert.Equal("A002", followUp.TicketNumber);
        Assert.Equal("不满意", followUp.Label);
        Assert.Equal("1001", followUp.StaffCode);
        Assert.Equal("王丽", followUp.ClerkName);
        Assert.Equal(1, followUp.WindowNumber);
        // Monday 23 November + 15 working days = Monday 14 December, same time of day.
        Assert.Equal(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.FromHours(8)), followUp.DueAt);
        Assert.False(followUp.Overdue);
    }

    [Fact]
    public async Task A_follow_up_is_closed_once_with_an_answer_and_becomes_overdue_if_left_open()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        await RateNextAsync(clerk, 1);
        var client = _hall.CreateAdminClient();
        var followUp = (await client.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups", Json.Options))!.Single();

        // A month later, without running every periodic check of that month (nothing here needs them).
        _hall.Clock.Jump(TimeSpan.FromDays(30));
        Assert.True((await client.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups", Json.Options))!.Single().Overdue);
        // …and the supervisor is alerted once.
        var monitor = _hall.Services.GetRequiredService<Hall.QueueService.Supervision.AlertMonitor>();
        await monitor.CheckAsync();
        await monitor.CheckAsync();
        var alerts = await client.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/api/alerts", Json.Options);
        Assert.Single(alerts!, a => a["kind"]!.GetValue<string>() == "followUpOverdue" && a["message"]!.GetValue<string>().Contains("A001", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/close", new { answer = "", handledBy = "值班长" })).StatusCode);
        var closed = await client.PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/close", new { answer = "已电话回访，群众表示理解，窗口已整改。", handledBy = "值班长" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/close", new { answer = "again", handledBy = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/follow-ups/{Guid.NewGuid()}/close", new { answer = "a", handledBy = "x" })).StatusCode);

        Assert.Empty((await client.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups", Json.Options))!);
        var all = (await client.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups?status=closed", Json.Options))!.Single();
        Assert.Equal("值班长", all.HandledBy);
    }

    public void Dispose() => _hall.Dispose();
}

public sealed class FollowUpOnSqliteTests() : FollowUpTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class FollowUpOnPostgresTests(PostgresServer postgres) : FollowUpTests(HallDatabase.Postgres(postgres));
