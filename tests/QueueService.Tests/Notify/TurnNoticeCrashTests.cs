using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Notify;

/// <summary>
/// The real hall server process, killed with SIGKILL between the "near" and the "called" message while the gateway
/// refuses: after the restart the queued message goes out with its key, and the called one follows, one each.
/// </summary>
public abstract class TurnNoticeCrashTests(HallDatabase hallDatabase)
{
    [Fact]
    public async Task After_kill_9_the_queued_message_is_sent_by_the_restarted_server_and_each_goes_out_once()
    {
        await using var receiver = await SmsReceiver.StartAsync();
        receiver.FailFirstTries = int.MaxValue;
        var dataDirectory = TestPaths.NewTempDirectory("sms-crash");
        using var store = hallDatabase.Create(dataDirectory);
        var port = FreePort.Next();
        string[] arguments = ["--Queue:DataDirectory=" + dataDirectory, "--Sms:Provider=http", "--Sms:Url=" + receiver.Url,
            "--Sms:RetryDelay=00:00:00.200", "--Sms:MaxRetryDelay=00:00:00.500", "--Sms:PollInterval=00:00:00.100", "--Notify:AheadThreshold=1", .. store.Arguments];
        using var http = new HttpClient();
        IssuedTicket consenting;

        await using (var server = await HostProcess.StartAsync("QueueService", port, arguments))
        {
            http.BaseAddress = new Uri(server.BaseUrl);
            await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
            await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
            var response = await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1, phone = "13812345678", smsConsent = true });
            consenting = (await response.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!;
            var login = await (await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
            http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
            Assert.True((await http.PostAsync("/api/windows/1/call-next", null)).IsSuccessStatusCode);   // one ahead now: near

            await Eventually.TrueAsync(() => receiver.Tries.Count >= 2, explain: () => server.Output);
            var metrics = await http.GetStringAsync("/metrics");
            Assert.Equal(1, Sample(metrics, "hall_sms_backlog"));
            Assert.True(Sample(metrics, "hall_sms_failures_total") >= 2);
            await server.KillHardAsync();
        }
        Assert.Empty(receiver.Taken);
        receiver.FailFirstTries = 0;

        await using (var restarted = await HostProcess.StartAsync("QueueService", port, arguments))
        {
            await Eventually.TrueAsync(() => receiver.Taken.Count == 1, explain: () => restarted.Output);
            Assert.Contains("还有1人", receiver.Taken[0].Text);
            Assert.Single(receiver.Tries.Select(t => t.Key).Distinct());

            Assert.True((await http.PostAsync("/api/windows/1/finish", null)).IsSuccessStatusCode);
            Assert.True((await http.PostAsync("/api/windows/1/call-next", null)).IsSuccessStatusCode);
            Assert.True((await http.PostAsync("/api/windows/1/finish", null)).IsSuccessStatusCode);
            var call = await (await http.PostAsync("/api/windows/1/call-next", null)).Content.ReadFromJsonAsync<WindowActionResult>(Json.Options);
            Assert.Equal(consenting.Number, call!.Ticket!.Number);

            await Eventually.TrueAsync(() => receiver.Taken.Count == 2, explain: () => restarted.Output);
            Assert.Contains(consenting.Number + "号到1号窗口", receiver.Taken[1].Text);
            await Eventually.TrueAsync(async () => Sample(await http.GetStringAsync("/metrics"), "hall_sms_backlog") == 0);
            Assert.Equal(2, receiver.Tries.Where(t => t.Accepted).Count());
            Assert.Equal(2, Sample(await http.GetStringAsync("/metrics"), "hall_sms_sent_total"));
            Assert.DoesNotContain("13812345678", restarted.Output);
        }
    }

    /// <summary>The sum of a metric's samples in Prometheus text.</summary>
    private static double Sample(string text, string name) =>
        text.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class TurnNoticeCrashOnSqliteTests() : TurnNoticeCrashTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class TurnNoticeCrashOnPostgresTests(PostgresServer postgres) : TurnNoticeCrashTests(HallDatabase.Postgres(postgres));
