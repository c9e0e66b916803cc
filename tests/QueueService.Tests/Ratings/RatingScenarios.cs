using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Hall.QueueService.Storage;
using Microsoft.Extensions.DependencyInjection;
using Hall.QueueService.FollowUps;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Ratings;

/// <summary>好差评 to the national rules over real HTTP: reasons per level, the phone rating with the link's key, appeals.</summary>
public abstract class RatingScenarios(HallDatabase database) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: database);

    public void Dispose() => _hall.Dispose();

    private async Task<(Guid Id, string Key)> ServeAsync(HttpClient clerk)
    {
        var ticket = await _hall.IssueAsync(1);
        await clerk.ActAsync(1, "call-next");
        await clerk.ActAsync(1, "finish");
        var url = new Uri(ticket.TrackingUrl);
        Assert.StartsWith("?k=", url.Query, StringComparison.Ordinal);
        return (ticket.Id, url.Query[3..]);
    }

    private Task<HttpResponseMessage> RatePhoneAsync(Guid id, object body) => _hall.CreateClient().PostAsJsonAsync($"/api/tickets/{id}/rating", body);

    private async Task<JsonNode> TicketAsync(Guid id) => JsonNode.Parse(await _hall.CreateClient().GetStringAsync($"/api/tickets/{id}"))!;

    [Fact]
    public async Task Reasons_are_those_of_the_level_and_are_kept_with_the_rating_and_counted()
    {
        var options = JsonNode.Parse(await _hall.CreateClient().GetStringAsync("/api/rating-options"))!;
        Assert.Contains(options["2"]!.AsArray(), o => o!["code"]!.GetValue<string>() == "slow" && o["text"]!.GetValue<string>() == "办事效率低");
        var clerk = await _hall.LoginAsync(1, "1001");
        var (id, _) = await ServeAsync(clerk);

        var wrongLevel = await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level = 2, reasons = new[] { "attitudeGood" } });
        Assert.Equal(HttpStatusCode.BadRequest, wrongLevel.StatusCode);
        Assert.Equal("invalidRatingReason", await wrongLevel.ProblemCodeAsync());
        var rated = await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level = 2, reasons = new[] { "slow", "notToldAtOnce" } });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);

        var rating = (await TicketAsync(id))["rating"]!;
        Assert.Equal(["slow", "notToldAtOnce"], rating["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("tablet", rating["channel"]!.GetValue<string>());
        var stats = JsonNode.Parse(await _hall.CreateAdminClient().GetStringAsync("/api/stats?from=2026-11-23&to=2026-11-23"))!;
        var slow = stats["ratingReasons"]!.AsArray().Single(r => r!["level"]!.GetValue<int>() == 2 && r["code"]!.GetValue<string>() == "slow")!;
        Assert.Equal(1, slow["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_phone_rates_once_with_the_links_key_and_not_before_the_finish_or_after_the_window()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        var waiting = await _hall.IssueAsync(2);
        var waitingKey = new Uri(waiting.TrackingUrl).Query[3..];
        Assert.Equal("notDoneYet", await (await RatePhoneAsync(waiting.Id, new { level = 5, key = waitingKey })).ProblemCodeAsync());

        var (id, key) = await ServeAsync(clerk);
        var wrong = await RatePhoneAsync(id, new { level = 5, key = "not-the-key" });
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RatePhoneAsync(id, new { level = 5, key = waitingKey })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RatePhoneAsync(id, new { level = 5 })).StatusCode);

        var first = await RatePhoneAsync(id, new { level = 4, reasons = new[] { "efficient" }, key });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("phone", (await TicketAsync(id))["rating"]!["channel"]!.GetValue<string>());
        var second = await RatePhoneAsync(id, new { level = 1, key });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("alreadyRated", await second.ProblemCodeAsync());
        // Nor does the window's evaluator rate it again.
        Assert.Equal(HttpStatusCode.Conflict, (await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level = 1 })).StatusCode);

        var (late, lateKey) = await ServeAsync(clerk);
        _hall.Clock.Jump(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var tooLate = await RatePhoneAsync(late, new { level = 5, key = lateKey });
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        Assert.Equal("ratingWindowClosed", await tooLate.ProblemCodeAsync());
    }

    [Fact]
    public async Task An_upheld_appeal_leaves_the_rating_out_of_satisfaction_and_counts_it_apart()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        await ServeAsync(clerk);
        await (await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level = 5 })).EnsureOkAsync();
        await ServeAsync(clerk);
        await (await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level = 1, reasons = new[] { "attitudePoor" } })).EnsureOkAsync();
        var admin = _hall.CreateAdminClient();
        var followUp = (await admin.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups", Json.Options))!.Single();
        Assert.Equal(0.5, JsonNode.Parse(await admin.GetStringAsync("/api/stats?from=2026-11-23&to=2026-11-23"))!["total"]!["satisfactionRate"]!.GetValue<double>());

        // Only the rated clerk appeals; a reason is needed; once.
        var other = await _hall.LoginAsync(2, "1002");
        Assert.Equal("notYourRating", await (await other.PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/appeal", new { reason = "不是我办的" })).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/appeal", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/appeal", new { reason = "x" })).StatusCode);
        await (await clerk.PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/appeal", new { reason = "群众误按评价器，已当场说明，录像可查。" })).EnsureOkAsync();
        Assert.Equal("alreadyAppealed", await (await clerk.PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/appeal", new { reason = "again" })).ProblemCodeAsync());
        var mine = await clerk.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups/mine", Json.Options);
        Assert.Equal("pending", Assert.Single(mine!).Appeal!.Decision);

        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/review", new { upheld = true, note = "x" })).StatusCode);
        var reviewed = await admin.PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/review", new { upheld = true, note = "经调阅录像，确属误按。" });
        await reviewed.EnsureOkAsync();
        var view = (await reviewed.Content.ReadFromJsonAsync<FollowUpView>(Json.Options))!;
        Assert.Equal(("upheld", "closed"), (view.Appeal!.Decision, view.Status));
        Assert.Equal("noAppeal", await (await admin.PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/review", new { upheld = false, note = "x" })).ProblemCodeAsync());

        var total = JsonNode.Parse(await admin.GetStringAsync("/api/stats?from=2026-11-23&to=2026-11-23"))!["total"]!;
        Assert.Equal(1.0, total["satisfactionRate"]!.GetValue<double>());
        Assert.Equal(1, total["rated"]!.GetValue<long>());
        Assert.Equal(1, total["excludedRatings"]!.GetValue<long>());
        Assert.True((await TicketAsync(followUp.TicketId))["rating"]!["excluded"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_follow_up_records_its_visit_and_rectification_before_it_closes()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        await ServeAsync(clerk);
        await (await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level = 2 })).EnsureOkAsync();
        var admin = _hall.CreateAdminClient();
        var id = (await admin.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups", Json.Options))!.Single().Id;

        Assert.Equal("visitRequired", await (await admin.PostAsJsonAsync($"/api/follow-ups/{id}/visit", new { channel = "fax", by = "李科长", note = "x" })).ProblemCodeAsync());
        await (await admin.PostAsJsonAsync($"/api/follow-ups/{id}/visit", new { channel = "phone", by = "李科长", note = "群众反映等候时间长，已致歉。" })).EnsureOkAsync();
        await (await admin.PostAsJsonAsync($"/api/follow-ups/{id}/close",
            new { answer = "已回访并致歉。", handledBy = "李科长", rectification = "午间增开一个综合窗口。" })).EnsureOkAsync();

        var closed = (await admin.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups?status=closed", Json.Options))!.Single();
        Assert.Equal(("phone", "李科长"), (closed.Visit!.Channel, closed.Visit.By));
        Assert.Equal("午间增开一个综合窗口。", closed.Rectification);
        await using var connection = await _hall.Services.GetRequiredService<QueueDatabase>().OpenAsync();
        var kinds = await connection.QueryAsync<string>("SELECT kind FROM events WHERE ticket_id = @ticket ORDER BY id", new { ticket = closed.TicketId.ToString("D") });
        Assert.Equal(["rated", "followUpOpened", "followUpVisited", "followUpClosed"], kinds.Where(k => k is not ("issued" or "called" or "started" or "finished")));
    }

    [Fact]
    public async Task The_public_figures_of_a_hand_made_month_per_window_and_service()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        foreach (var level in new[] { 5, 4, 2, 1 })
        {
            await ServeAsync(clerk);
            await (await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level })).EnsureOkAsync();
        }
        var admin = _hall.CreateAdminClient();
        var followUps = (await admin.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups", Json.Options))!;
        var two = followUps.Single(f => f.Level == 2).Id;
        await (await admin.PostAsJsonAsync($"/api/follow-ups/{two}/visit", new { channel = "phone", by = "李科长", note = "已致歉" })).EnsureOkAsync();
        await (await admin.PostAsJsonAsync($"/api/follow-ups/{two}/close", new { answer = "已整改", handledBy = "李科长" })).EnsureOkAsync();

        var text = await _hall.CreateClient().GetStringAsync("/api/public/evaluation?month=2026-11");
        var report = JsonNode.Parse(text)!;
        var window = report["windows"]!.AsArray().Single(w => w!["windowNumber"]!.GetValue<int>() == 1)!;
        Assert.Equal(4, window["ratings"]!.GetValue<long>());
        Assert.Equal(1, window["levels"]!["2"]!.GetValue<long>());
        Assert.Equal(0.5, window["satisfactionRate"]!.GetValue<double>());
        Assert.Equal(2, window["badRatings"]!.GetValue<long>());
        Assert.Equal(0.5, window["rectifiedRate"]!.GetValue<double>());
        Assert.Equal(0.5, window["followedUpRate"]!.GetValue<double>());
        var service = report["services"]!.AsArray().Single(w => w!["serviceId"]!.GetValue<int>() == 1)!;
        Assert.Equal(4, service["ratings"]!.GetValue<long>());
        var quiet = report["windows"]!.AsArray().Single(w => w!["windowNumber"]!.GetValue<int>() == 2)!;
        Assert.Equal(0, quiet["ratings"]!.GetValue<long>());
        Assert.Null(quiet["satisfactionRate"]);
        // No citizen's data: no ticket numbers, ID numbers or clerks' answers.
        Assert.DoesNotContain("A00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("已整改", text, StringComparison.Ordinal);

        Assert.Equal(0, JsonNode.Parse(await _hall.CreateClient().GetStringAsync("/api/public/evaluation?month=2026-10"))!["total"]!["ratings"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.BadRequest, (await _hall.CreateClient().GetAsync("/api/public/evaluation?month=November")).StatusCode);
    }
}

public sealed class RatingOnSqliteScenarios() : RatingScenarios(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class RatingOnPostgresScenarios(PostgresServer postgres) : RatingScenarios(HallDatabase.Postgres(postgres));
