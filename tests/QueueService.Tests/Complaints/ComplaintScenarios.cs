using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.QueueService.Supervision;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Complaints;

/// <summary>The complaint register (投诉) over real HTTP: channels and due dates from the calendar, the supervisor's steps, the overdue alert.</summary>
public abstract class ComplaintScenarios(HallDatabase database) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: database);

    public void Dispose() => _hall.Dispose();

    private static async Task<JsonNode> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Each_channel_is_due_by_its_working_days_on_the_hall_calendar()
    {
        var admin = _hall.CreateAdminClient();
        // Tuesday 24 November is made a holiday: working days skip it.
        await (await admin.PutAsJsonAsync("/api/admin/calendar/2026", new[] { new { date = "2026-11-24", kind = "holiday", name = "测试假日" } })).EnsureOkAsync();

        var web = await _hall.CreateClient().PostAsJsonAsync("/api/complaints", new { channel = "web", windowNumber = 1, content = "窗口人员态度生硬。", contactPhone = "13800138000" });
        Assert.Equal(HttpStatusCode.Created, web.StatusCode);
        var webBody = await BodyAsync(web);
        Assert.Equal("open", webBody["status"]!.GetValue<string>());
        var ticket = await _hall.IssueAsync(1);
        var onSite = await BodyAsync(await admin.PostAsJsonAsync("/api/complaints", new { channel = "onSite", staffCode = "1001", ticketId = ticket.Id, content = "等候时间过长。" }));
        var entered = JsonNode.Parse(await admin.GetStringAsync($"/api/complaints/{onSite["id"]!.GetValue<string>()}"))!;
        Assert.Equal(ticket.Number, entered["ticketNumber"]!.GetValue<string>());   // the visit as the citizen knows it
        var letter = await BodyAsync(await admin.PostAsJsonAsync("/api/complaints", new { channel = "letter", content = "材料被要求重复提交。", complex = true }));

        // From Monday 23rd, the 24th off: on site by the end of Wednesday 25th (the next working day); three working days
        // end on Friday 27th (web); a complex one's five on Tuesday 1 December.
        Assert.StartsWith("2026-11-25", DateOf(onSite));
        Assert.StartsWith("2026-11-27", DateOf(webBody));
        Assert.StartsWith("2026-12-01", DateOf(letter));

        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().PostAsJsonAsync("/api/complaints", new { channel = "phone", content = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/complaints", new { channel = "fax", content = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/complaints", new { channel = "phone", windowNumber = 99, content = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().GetAsync("/api/complaints")).StatusCode);
        // The per-address limit is for citizens' web complaints: a supervisor entering many at the desk is not held by
        // it, and credentials that are no supervisor's are refused rather than let through unlimited.
        var supervisor = await _hall.LoginSupervisorAsync();
        for (var i = 0; i < 12; i++)
        {
            (await supervisor.PostAsJsonAsync("/api/complaints", new { channel = "phone", content = $"电话投诉 {i}" })).EnsureSuccessStatusCode();
        }
        using var forged = _hall.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "made-up");
        Assert.NotEqual(HttpStatusCode.Created, (await forged.PostAsJsonAsync("/api/complaints", new { channel = "web", content = "x" })).StatusCode);
        // The contact phone is shown masked to supervisors.
        var list = JsonNode.Parse(await admin.GetStringAsync("/api/complaints?status=open"))!.AsArray();
        Assert.Equal(15, list.Count);
        Assert.DoesNotContain("13800138000", list.ToJsonString(), StringComparison.Ordinal);
    }

    private static string DateOf(JsonNode body) => body["dueAt"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(8)).AddTicks(-1).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_written_complaint_is_answered_before_it_closes_and_an_overdue_one_alerts()
    {
        var admin = _hall.CreateAdminClient();
        var letter = (await BodyAsync(await admin.PostAsJsonAsync("/api/complaints", new { channel = "letter", windowNumber = 2, content = "办理超时。" })))["id"]!.GetValue<string>();
        var vague = (await BodyAsync(await admin.PostAsJsonAsync("/api/complaints", new { channel = "phone", content = "说不清楚的投诉" })))["id"]!.GetValue<string>();
        var late = (await BodyAsync(await admin.PostAsJsonAsync("/api/complaints", new { channel = "onSite", windowNumber = 1, content = "无人值守。" })))["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/complaints/{letter}/close", null)).StatusCode);
        await (await admin.PostAsJsonAsync($"/api/complaints/{letter}/answer", new { text = "已书面答复，窗口已整改。", channel = "letter" })).EnsureOkAsync();
        await (await admin.PostAsync($"/api/complaints/{letter}/close", null)).EnsureOkAsync();
        await (await admin.PostAsJsonAsync($"/api/complaints/{vague}/invalid", new { reason = "未指明窗口、人员或事项，无法核实。" })).EnsureOkAsync();
        await (await admin.PostAsJsonAsync($"/api/complaints/{late}/escalate", new { to = "县政务服务管理局", note = "涉及多部门" })).EnsureOkAsync();

        var closed = JsonNode.Parse(await admin.GetStringAsync("/api/complaints?status=closed"))!.AsArray();
        Assert.Equal(2, closed.Count);
        _hall.Clock.Jump(TimeSpan.FromDays(3));
        var overdue = JsonNode.Parse(await admin.GetStringAsync("/api/complaints?status=overdue"))!.AsArray();
        Assert.Equal(late, Assert.Single(overdue)!["id"]!.GetValue<string>());

        await _hall.Services.GetRequiredService<AlertMonitor>().CheckAsync();
        var alerts = JsonNode.Parse(await admin.GetStringAsync("/api/alerts"))!.AsArray();
        Assert.Single(alerts, a => a!["kind"]!.GetValue<string>() == "complaintOverdue");
    }
}

public sealed class ComplaintOnSqliteScenarios() : ComplaintScenarios(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class ComplaintOnPostgresScenarios(PostgresServer postgres) : ComplaintScenarios(HallDatabase.Postgres(postgres));
