using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Outcomes;

/// <summary>
/// 办件: every finish records how the visit ended, as the contract states it, and the statistics report 当天办结率 and
/// 即办件率 from it. Window 1 (clerk 1001) serves 工程建设项目审批 (service 2, promised 15 working days). The clock
/// starts on Monday 23 November 2026, 09:00.
/// </summary>
public abstract class VisitOutcomeScenarios(HallDatabase database) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: database);

    public void Dispose() => _hall.Dispose();

    private async Task<(HttpClient Clerk, string Id)> CalledAsync(HttpClient? clerk = null)
    {
        clerk ??= await _hall.LoginAsync(1, "1001");
        var ticket = await _hall.IssueAsync(2);
        Assert.NotNull(await clerk.CallNextNumberAsync(1));
        return (clerk, ticket.Id.ToString("D"));
    }

    private async Task<JsonObject?> OutcomeOfAsync(string id) =>
        (await _hall.CreateClient().GetFromJsonAsync<JsonObject>($"/api/tickets/{id}"))!["outcome"] as JsonObject;

    [Fact]
    public async Task Each_outcome_is_recorded_with_the_finish_and_counted_in_the_statistics()
    {
        // A holiday on Wednesday moves the 承诺件's due date by one working day.
        await (await _hall.CreateAdminClient().PutAsJsonAsync("/api/admin/calendar/2026",
            new[] { new { date = "2026-11-25", kind = "holiday", name = "测试假日" } })).EnsureOkAsync();

        var (clerk, completed) = await CalledAsync();
        Assert.Null(await OutcomeOfAsync(completed));
        await clerk.ActAsync(1, "finish");
        Assert.Equal("completed", (await OutcomeOfAsync(completed))!["kind"]!.GetValue<string>());

        var (_, accepted) = await CalledAsync(clerk);
        await clerk.ActAsync(1, "finish", new { outcome = "accepted", caseNumber = "GC-2026-0042" });
        var promise = (await OutcomeOfAsync(accepted))!;
        Assert.Equal("GC-2026-0042", promise["caseNumber"]!.GetValue<string>());
        Assert.Equal("2026-12-15", promise["dueDate"]!.GetValue<string>());   // 15 working days, the holiday skipped

        var (_, supplement) = await CalledAsync(clerk);
        var noList = await clerk.PostAsJsonAsync("/api/windows/1/finish", new { outcome = "supplement" });
        Assert.Equal("missingMaterialsRequired", await noList.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noList.StatusCode);
        Assert.Null(await OutcomeOfAsync(supplement));
        await clerk.ActAsync(1, "finish", new { outcome = "supplement", missingMaterials = new[] { "建设工程规划许可证", "施工图审查合格书" } });
        Assert.Equal(["建设工程规划许可证", "施工图审查合格书"],
            (await OutcomeOfAsync(supplement))!["missingMaterials"]!.AsArray().Select(m => m!.GetValue<string>()));

        var (_, refused) = await CalledAsync(clerk);
        Assert.Equal("reasonRequired", await (await clerk.PostAsJsonAsync("/api/windows/1/finish", new { outcome = "refused", reason = " " })).ProblemCodeAsync());
        await clerk.ActAsync(1, "finish", new { outcome = "refused", reason = "不属于本级受理范围，已告知到市级窗口办理" });
        Assert.Contains("市级窗口", (await OutcomeOfAsync(refused))!["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        var (_, consulted) = await CalledAsync(clerk);
        await clerk.ActAsync(1, "finish", new { outcome = "consulted" });
        Assert.Equal("consulted", (await OutcomeOfAsync(consulted))!["kind"]!.GetValue<string>());

        var stats = (await _hall.CreateAdminClient().GetFromJsonAsync<JsonObject>("/api/stats?from=2026-11-23&to=2026-11-23"))!;
        foreach (var figures in new[]
        {
            stats["total"]!,
            stats["services"]!.AsArray().Single(s => s!["serviceId"]!.GetValue<int>() == 2)!,
            stats["windows"]!.AsArray().Single(w => w!["windowNumber"]!.GetValue<int>() == 1)!,
            stats["clerks"]!.AsArray().Single(c => c!["staffCode"]!.GetValue<string>() == "1001")!,
        })
        {
            var outcomes = figures["outcomes"]!;
            Assert.All(new[] { "completed", "accepted", "supplement", "refused", "consulted" }, k => Assert.Equal(1, outcomes[k]!.GetValue<long>()));
            Assert.Equal(0.3333, figures["sameDayCompletionRate"]!.GetValue<double>());   // 1 ÷ (1 + 1 + 1)
            Assert.Equal(0.25, figures["onTheSpotRate"]!.GetValue<double>());             // 1 ÷ 4, the consultation left out
        }
    }

    [Fact]
    public async Task A_hall_that_requires_an_outcome_refuses_a_finish_without_one()
    {
        var admin = _hall.CreateAdminClient();
        var hallFile = await admin.HallAsync();
        hallFile["requireOutcome"] = true;
        await (await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(hallFile))).EnsureOkAsync();
        var (clerk, id) = await CalledAsync();

        var bare = await clerk.PostAsync("/api/windows/1/finish", null);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal("outcomeRequired", await bare.ProblemCodeAsync());
        var unknown = await clerk.PostAsJsonAsync("/api/windows/1/finish", new { outcome = "lost" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        await clerk.ActAsync(1, "finish", new { outcome = "accepted", promisedWorkingDays = 3 });
        Assert.Equal("2026-11-26", (await OutcomeOfAsync(id))!["dueDate"]!.GetValue<string>());
    }
}

public sealed class VisitOutcomeOnSqliteScenarios() : VisitOutcomeScenarios(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class VisitOutcomeOnPostgresScenarios(PostgresServer postgres) : VisitOutcomeScenarios(HallDatabase.Postgres(postgres));
