using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.Ratings;

/// <summary>满意度排名: windows and clerks with enough ratings, by satisfaction; in /api/stats and the monthly workbook.</summary>
public sealed class SatisfactionRankingTests : IDisposable
{
    private readonly HallServerFactory _hall = new(new() { ["Ratings:RankingMinimumRatings"] = "2" });

    public void Dispose() => _hall.Dispose();

    private async Task RateAsync(HttpClient clerk, int window, int level)
    {
        await _hall.IssueAsync(window == 3 ? 2 : 1);   // window 3 serves 投资建设 only
        await clerk.ActAsync(window, "call-next");
        await clerk.ActAsync(window, "finish");
        await (await _hall.CreateClient().PostAsJsonAsync($"/api/windows/{window}/rate", new { level })).EnsureOkAsync();
    }

    [Fact]
    public async Task Only_windows_and_clerks_with_the_minimum_of_ratings_are_ranked_best_first()
    {
        var wang = await _hall.LoginAsync(1, "1001");
        var li = await _hall.LoginAsync(2, "1002");
        var zhang = await _hall.LoginAsync(3, "1003");
        foreach (var level in new[] { 5, 2 }) await RateAsync(wang, 1, level);
        foreach (var level in new[] { 5, 4, 3 }) await RateAsync(li, 2, level);
        await RateAsync(zhang, 3, 5);   // one rating: not enough to be ranked

        var ranking = JsonNode.Parse(await _hall.CreateAdminClient().GetStringAsync("/api/stats?from=2026-11-23&to=2026-11-23"))!["ranking"]!;
        Assert.Equal(2, ranking["minimumRatings"]!.GetValue<int>());
        var windows = ranking["windows"]!.AsArray();
        Assert.Equal(["2", "1"], windows.Select(w => w!["id"]!.GetValue<string>()));
        Assert.Equal([1, 2], windows.Select(w => w!["rank"]!.GetValue<int>()));
        Assert.Equal(1, windows[1]!["badRatings"]!.GetValue<long>());
        Assert.Equal(["1002", "1001"], ranking["clerks"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));

        var workbook = await _hall.CreateAdminClient().GetAsync("/api/reports/monthly?month=2026-11&format=xlsx");
        await workbook.EnsureOkAsync();
    }
}
