using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Postgres;

/// <summary>The same engine, through the same HTTP API, on a real PostgreSQL database instead of SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EngineOnPostgresTests(PostgresServer postgres)
{
    private async Task<HallServerFactory> HallAsync() => new(new()
    {
        ["Queue:Database"] = "postgres",
        ["ConnectionStrings:Queue"] = await postgres.CreateDatabaseAsync(),
    });

    [Fact]
    public async Task Issue_call_serve_finish_and_rate_on_PostgreSQL()
    {
        using var hall = await HallAsync();
        var first = await hall.IssueAsync(1);
        var second = await hall.IssueAsync(1, priority: "elderly", idNumber: "110101194001011234");
        var other = await hall.IssueAsync(3);
        Assert.Equal(("A001", "A002", "C001"), (first.Number, second.Number, other.Number));

        var clerk = await hall.LoginAsync(1, "1001");
        Assert.Equal("A002", await clerk.CallNextNumberAsync(1));
        Assert.Equal(TicketStatus.Serving, (await clerk.ActAsync(1, "start"))!.Status);
        hall.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(TicketStatus.Done, (await clerk.ActAsync(1, "finish"))!.Status);

        var rate = await hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level = 5 });
        Assert.Equal(HttpStatusCode.OK, rate.StatusCode);
        var rated = await hall.CreateClient().GetFromJsonAsync<TicketView>($"/api/tickets/{second.Id}", Json.Options);
        Assert.Equal(5, rated!.Rating!.Level);
        Assert.Equal(HttpStatusCode.Conflict, (await hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level = 4 })).StatusCode);

        Assert.Equal("A001", await clerk.CallNextNumberAsync(1));
        Assert.Equal(TicketStatus.NoShow, (await clerk.ActAsync(1, "no-show"))!.Status);
        Assert.Equal("C001", await clerk.CallNextNumberAsync(1));
        var transferred = await clerk.ActAsync(1, "transfer", new { serviceId = 2 });
        Assert.Equal(2, transferred!.ServiceId);
        Assert.Equal(TicketStatus.Waiting, transferred.Status);
        Assert.Equal("C001", await clerk.CallNextNumberAsync(1));
        await clerk.ActAsync(1, "start");
        await clerk.ActAsync(1, "finish");
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync("/api/windows/1/pause", new { reason = "午休" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync("/api/windows/1/resume", null)).StatusCode);

        var windows = await hall.CreateClient().GetFromJsonAsync<List<WindowInfo>>("/api/windows", Json.Options);
        Assert.True(windows!.Count >= 6);
        var services = await hall.CreateClient().GetFromJsonAsync<List<ServiceInfo>>("/api/services", Json.Options);
        Assert.Equal(0, services!.Single(s => s.Id == 2).Waiting);
    }

    [Fact]
    public async Task Forty_concurrent_kiosks_get_gap_free_unique_numbers_on_PostgreSQL()
    {
        using var hall = await HallAsync();
        var issued = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => hall.IssueAsync(2)));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"B{i:000}"), issued.Select(t => t.Number).Order());
    }
}
