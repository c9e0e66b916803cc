using System.Net;
using System.Net.Http.Json;
using Hall.QueueService.FollowUps;
using Hall.QueueService.Ratings.Upload;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.RatingUpload;

/// <summary>
/// 好差评 upload end to end: the in-memory hall server posts to a real receiving server that fails the first tries;
/// the hall's clock is the test's, so the back-off passes when the test moves it.
/// </summary>
public abstract class RatingUploadScenarios(HallDatabase hallDatabase) : IAsyncLifetime
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    private RatingReceiver _receiver = null!;
    private HallServerFactory _hall = null!;

    public async Task InitializeAsync()
    {
        _receiver = await RatingReceiver.StartAsync();
        _hall = new HallServerFactory(new()
        {
            ["Ratings:UploadUrl"] = _receiver.Url,
            ["Ratings:UploadRetryDelay"] = RetryDelay.ToString(),
            ["Ratings:UploadMaxRetryDelay"] = (RetryDelay * 2).ToString(),
            // A long lease: the test's clock moves while a try is on the wire, and must not hand that try to a second round.
            ["Ratings:UploadTimeout"] = "00:05:00",
            ["Ratings:UploadPollInterval"] = "00:10:00",
        }, hallDatabase);
    }

    public async Task DisposeAsync()
    {
        _hall.Dispose();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Every_rating_and_rectification_arrives_once_by_key_in_order_after_refused_and_unanswered_tries()
    {
        _receiver.FailFirstTries = 2;   // a 500, then a dropped connection, for every record
        var clerk = await _hall.LoginAsync(1, "1001");
        await RateNextAsync(clerk, 5);
        await RateNextAsync(clerk, 1, "attitudePoor", "slow");
        await RateNextAsync(clerk, 4);
        var admin = _hall.CreateAdminClient();
        var followUp = (await admin.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups", Json.Options))!.Single();
        var closed = await admin.PostAsJsonAsync($"/api/follow-ups/{followUp.Id}/close", new { answer = "已电话回访，窗口已整改。", handledBy = "值班长" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        await SendDueAsync();
        RatingUploadStatus? status = null;
        await Eventually.TrueAsync(async () => (status = await admin.GetFromJsonAsync<RatingUploadStatus>("/api/supervision/rating-uploads", Json.Options))!.LastError is not null);
        Assert.True(status!.Configured);
        Assert.Equal(4, status.Unsent);
        Assert.Equal("HTTP 500", status.LastError);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().GetAsync("/api/supervision/rating-uploads")).StatusCode);

        // Each round moves past the back-off and sends. The background loop (its poll slowed to the longest allowed) may
        // still hold the claim of a round's try, so a round waits, bounded, for that try to reach the receiver.
        for (var round = 0; round < 40 && _receiver.Taken.Count < 4; round++)
        {
            var before = _receiver.Tries.Count;
            _hall.Clock.Advance(RetryDelay * 2);
            await SendDueAsync();
            for (var wait = 0; wait < 100 && _receiver.Tries.Count == before; wait++)
            {
                await Task.Delay(10);
            }
        }

        var taken = _receiver.Taken;
        Assert.True(taken.Select(t => t.Key).Distinct().Count() == 4, string.Join("\n", _receiver.Tries.Select(t => $"{t.Key} {t.Kind} {t.Accepted}")));
        Assert.Equal(4, taken.Select(t => t.Key).Distinct().Count());
        Assert.Equal(["rating", "rating", "rating", "rectification"], taken.Select(t => t.Kind));
        Assert.Equal(["A001", "A002", "A003", "A002"], taken.Select(t => t.Text("ticketNumber")));
        Assert.Equal(12, _receiver.Tries.Count);   // three tries of each, the failed ones with the same key
        Assert.All(_receiver.Tries.GroupBy(t => t.Key), g => Assert.Equal(3, g.Count()));
        // Each record waited for the one before it: no try of a later key before an earlier key was taken.
        var keys = _receiver.Tries.Select(t => t.Key).ToList();
        Assert.Equal(keys.Distinct().ToList(), taken.Select(t => t.Key).ToList());
        Assert.True(keys.Select((k, i) => (k, i)).GroupBy(x => x.k).All(g => g.Max(x => x.i) - g.Min(x => x.i) == 2));

        var bad = taken[1].Body;
        Assert.Equal(taken[1].Key, bad.GetProperty("recordId").GetString());
        Assert.Equal(1, bad.GetProperty("level").GetInt32());
        Assert.Equal("非常不满意", bad.GetProperty("levelLabel").GetString());
        Assert.Equal("1001", bad.GetProperty("staffCode").GetString());
        Assert.Equal(1, bad.GetProperty("windowNumber").GetInt32());
        Assert.EndsWith("+08:00", bad.GetProperty("ratedAt").GetString());
        Assert.Equal(["attitudePoor:服务态度差", "slow:办事效率低"],
            bad.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString() + ":" + r.GetProperty("text").GetString()));
        Assert.False(taken[0].Body.TryGetProperty("reasons", out _));
        var rectification = taken[3].Body;
        Assert.Equal(taken[1].Key, rectification.GetProperty("ratingRecordId").GetString());
        Assert.Equal("已电话回访，窗口已整改。", rectification.GetProperty("answer").GetString());
        Assert.Equal("值班长", rectification.GetProperty("handledBy").GetString());
        Assert.False(bad.TryGetProperty("clerkName", out _));

        status = await admin.GetFromJsonAsync<RatingUploadStatus>("/api/supervision/rating-uploads", Json.Options);
        Assert.Equal(0, status!.Unsent);
        Assert.Equal(4, status.Sent);
        Assert.Null(status.LastError);
        Assert.NotNull(status.LastSentAt);
        await SendDueAsync();
        Assert.Equal(12, _receiver.Tries.Count);
    }

    private async Task RateNextAsync(HttpClient clerk, int level, params string[] reasons)
    {
        await _hall.IssueAsync(1);
        await clerk.ActAsync(1, "call-next");
        await clerk.ActAsync(1, "finish");
        var rated = await _hall.CreateClient().PostAsJsonAsync("/api/windows/1/rate", new { level, reasons });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
    }

    /// <summary>One round of the sender now (the background loop may run one too; the claim keeps a try single).</summary>
    private Task<int> SendDueAsync() => _hall.Services.GetRequiredService<RatingUploader>().SendDueAsync(CancellationToken.None);
}

public sealed class RatingUploadOnSqliteTests() : RatingUploadScenarios(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class RatingUploadOnPostgresTests(PostgresServer postgres) : RatingUploadScenarios(HallDatabase.Postgres(postgres));
