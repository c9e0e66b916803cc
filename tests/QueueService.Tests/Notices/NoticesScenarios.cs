using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.Contracts.Hub;
using Hall.QueueService.Notices;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Notices;

/// <summary>
/// The boards' notices (公开屏) on both databases: anyone reads those in force now by the server's clock; only the
/// administrator lists, adds, changes and deletes them; bad requests are 400 with a catalogue code and store nothing;
/// every change is in the audit chain.
/// </summary>
public abstract class NoticesScenarios(HallDatabase hallDatabase) : IDisposable
{
    private static readonly DateTimeOffset Now = HallServerFactory.Start;

    private readonly HallServerFactory _hall = new(database: hallDatabase);

    [Fact]
    public async Task Only_notices_in_force_now_are_public_and_the_administrator_sees_every_state()
    {
        var admin = _hall.AdminClient();
        var open = await AddAsync(admin, new { title = "办事指南已更新", body = "请在触摸屏查询。" });
        var current = await AddAsync(admin, new { title = "延时服务", body = "每周三延时到19:00。", from = Now.AddHours(-1), to = Now.AddHours(1) });
        var future = await AddAsync(admin, new { title = "元旦放假", body = "1月1日休息。", from = Now.AddDays(1) });
        var expired = await AddAsync(admin, new { title = "旧通知", body = "已过期。", to = Now.AddMinutes(-1) });

        Assert.Equal([open, current], await PublicIdsAsync());
        var all = JsonNode.Parse(await admin.GetStringAsync("/api/admin/notices"))!.AsArray();
        Assert.Equal(4, all.Count);
        Assert.Equal("inForce", StateOf(all, open));
        Assert.Equal("inForce", StateOf(all, current));
        Assert.Equal("future", StateOf(all, future));
        Assert.Equal("expired", StateOf(all, expired));

        // The end is exclusive and the start inclusive, by the server's clock.
        _hall.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([open], await PublicIdsAsync());
        _hall.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal([open, future], await PublicIdsAsync());

        var anyone = JsonNode.Parse(await _hall.CreateClient().GetStringAsync("/api/notices"))!.AsArray();
        Assert.Equal("元旦放假", anyone[1]!["title"]!.GetValue<string>());
        Assert.Equal("1月1日休息。", anyone[1]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_notice_is_changed_and_deleted_and_each_change_is_in_the_audit_chain()
    {
        var admin = _hall.AdminClient();
        var id = await AddAsync(admin, new { title = "通知", body = "正文" });
        var changed = await admin.PutAsJsonAsync($"/api/admin/notices/{id}", new { title = "新通知", body = "新正文", to = Now.AddMinutes(-5) });
        await changed.EnsureOkAsync();
        Assert.Equal("expired", JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["state"]!.GetValue<string>());
        Assert.Empty(await PublicIdsAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/notices/{id}")).StatusCode);
        Assert.Empty(JsonNode.Parse(await admin.GetStringAsync("/api/admin/notices"))!.AsArray());

        var verify = JsonNode.Parse(await admin.GetStringAsync("/api/admin/audit/verify"))!;
        Assert.True(verify["ok"]!.GetValue<bool>());
        Assert.True(verify["events"]!.GetValue<long>() >= 3);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_bad_notices_are_400_with_their_code()
    {
        var admin = _hall.AdminClient();
        var missing = await admin.PutAsJsonAsync("/api/admin/notices/999", new { title = "x", body = "y" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("unknownNotice", await missing.ProblemCodeAsync());
        var deleted = await admin.DeleteAsync("/api/admin/notices/999");
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Equal("unknownNotice", await deleted.ProblemCodeAsync());

        await RefusedAsync(admin, new { title = "  ", body = "正文" }, "noticeTitleRequired");
        await RefusedAsync(admin, new { title = new string('标', NoticeDesk.MaxTitle + 1), body = "" }, "fieldTooLong");
        await RefusedAsync(admin, new { title = "通知", body = new string('文', NoticeDesk.MaxBody + 1) }, "fieldTooLong");
        await RefusedAsync(admin, new { title = "通知", body = "", from = Now, to = Now }, "noticePeriodInvalid");
        await RefusedAsync(admin, new { title = "通知", body = "", from = Now, to = Now.AddHours(-1) }, "noticePeriodInvalid");
        Assert.Empty(JsonNode.Parse(await admin.GetStringAsync("/api/admin/notices"))!.AsArray());
    }

    [Fact]
    public async Task Anonymous_callers_and_supervisors_may_not_administer_notices()
    {
        var anonymous = _hall.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/admin/notices", new { title = "x", body = "" })).StatusCode);

        // A supervisor's token is no administrator's credential: refused like no credential at all, as on every /api/admin endpoint.
        var supervisor = await _hall.LoginSupervisorAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.GetAsync("/api/admin/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.PostAsJsonAsync("/api/admin/notices", new { title = "x", body = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.DeleteAsync("/api/admin/notices/1")).StatusCode);
        Assert.Empty(await PublicIdsAsync());
    }

    [Fact]
    public async Task Boards_hear_of_a_change_at_once_and_of_a_notice_coming_into_force_and_the_snapshot_holds_them()
    {
        var admin = _hall.AdminClient();
        var heard = new ConcurrentQueue<NoticesChanged>();
        await using var board = new HubConnectionBuilder()
            .WithUrl(new Uri(_hall.Server.BaseAddress, HallHub.Path + "?" + HallHub.BoardViewQuery), o =>
            {
                o.HttpMessageHandlerFactory = _ => _hall.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        board.On<NoticesChanged>(nameof(IHallClient.NoticesChanged), heard.Enqueue);
        await board.StartAsync();

        var now = await AddAsync(admin, new { title = "现在", body = "" });
        await Eventually.TrueAsync(() => heard.Any(h => h.Notices.Select(n => n.Id).SequenceEqual([now])));
        var later = await AddAsync(admin, new { title = "下午通知", body = "", from = Now.AddHours(2) });
        var watcher = _hall.Services.GetRequiredService<NoticePeriodWatcher>();
        await watcher.CheckAsync();
        heard.Clear();
        _hall.Clock.Advance(TimeSpan.FromHours(2));
        await watcher.CheckAsync();
        await Eventually.TrueAsync(() => heard.Any(h => h.Notices.Select(n => n.Id).SequenceEqual([now, later])));

        var snapshot = await board.InvokeAsync<HallSnapshot>(HallHub.GetSnapshot);
        Assert.Equal([now, later], snapshot.Notices!.Select(n => n.Id));
        Assert.False(string.IsNullOrEmpty(snapshot.Contacts!.ComplaintPhone));
    }

    private static async Task<long> AddAsync(HttpClient admin, object notice)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/notices", notice);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        Assert.Equal($"/api/admin/notices/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    private static async Task RefusedAsync(HttpClient admin, object notice, string code)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/notices", notice);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await response.ProblemCodeAsync());
    }

    private async Task<List<long>> PublicIdsAsync() =>
        [.. JsonNode.Parse(await _hall.CreateClient().GetStringAsync("/api/notices"))!.AsArray().Select(n => n!["id"]!.GetValue<long>())];

    private static string StateOf(JsonArray all, long id) => all.Single(n => n!["id"]!.GetValue<long>() == id)!["state"]!.GetValue<string>();

    public void Dispose() => _hall.Dispose();
}

public sealed class NoticesOnSqliteTests() : NoticesScenarios(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class NoticesOnPostgresTests(PostgresServer postgres) : NoticesScenarios(HallDatabase.Postgres(postgres));
