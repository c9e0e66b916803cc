using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Notify;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Notify;

/// <summary>
/// 到号提醒 end to end: the in-memory hall server posts to a real receiving server; the hall's clock is the test's,
/// so retries come when the test moves it.
/// </summary>
public abstract class TurnNoticeScenarios(HallDatabase hallDatabase) : IAsyncLifetime
{
    private const string Phone = "13812345678";
    private const string OtherPhone = "13987654321";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    private SmsReceiver _receiver = null!;
    private HallServerFactory _hall = null!;

    public async Task InitializeAsync()
    {
        _receiver = await SmsReceiver.StartAsync();
        _hall = new HallServerFactory(new()
        {
            ["Sms:Provider"] = "http",
            ["Sms:Url"] = _receiver.Url,
            ["Sms:RetryDelay"] = RetryDelay.ToString(),
            ["Notify:AheadThreshold"] = "2",
        }, hallDatabase);
    }

    public async Task DisposeAsync()
    {
        _hall.Dispose();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_consenting_ticket_gets_one_near_and_one_called_message_and_one_without_consent_gets_none()
    {
        for (var i = 0; i < 4; i++)
        {
            await _hall.IssueAsync(1);
        }
        var consenting = await IssueAsync(Phone, consent: true);
        var withoutConsent = await IssueAsync(OtherPhone, consent: false);
        Assert.Equal("138****5678", consenting.SmsPhone);
        Assert.Null(withoutConsent.SmsPhone);
        var clerk = await _hall.LoginAsync(1, "1001");

        await CallAndFinishAsync(clerk);   // A001: three ahead of A005, above the threshold
        await SendDueAsync();
        Assert.Empty(_receiver.Tries);

        await CallAndFinishAsync(clerk);   // A002: two ahead
        await Eventually.TrueAsync(() => _receiver.Taken.Count == 1);
        var near = _receiver.Taken[0];
        Assert.Equal(Phone, near.Phone);
        Assert.Contains(consenting.Number, near.Text);
        Assert.Contains("还有2人", near.Text);

        await CallAndFinishAsync(clerk);   // A003: one ahead, already told
        await CallAndFinishAsync(clerk);   // A004
        var called = await CallAndFinishAsync(clerk);
        Assert.Equal(consenting.Number, called.Number);
        await Eventually.TrueAsync(() => _receiver.Taken.Count == 2);
        Assert.Contains("请" + consenting.Number + "号到1号窗口", _receiver.Taken[1].Text);

        var last = await CallAndFinishAsync(clerk);
        Assert.Equal(withoutConsent.Number, last.Number);
        await SendDueAsync();
        Assert.Equal(2, _receiver.Tries.Count);
        Assert.Equal(2, _receiver.Tries.Select(t => t.Key).Distinct().Count());
        Assert.DoesNotContain(OtherPhone, await _hall.StoredTextAsync());
    }

    [Fact]
    public async Task A_refused_try_is_tried_again_after_the_back_off_with_the_same_idempotency_key()
    {
        _receiver.FailFirstTries = 1;
        var ticket = await IssueAsync(Phone, consent: true);   // nobody ahead: near at once

        await Eventually.TrueAsync(() => _receiver.Tries.Count == 1);
        // The refusal is answered before the outbox notes it: wait for the note (its next try counted from this clock),
        // or the clock below could move first and put the next try a back-off further on.
        await Eventually.TrueAsync(async () => await FailedTriesNotedAsync() == 1);
        await SendDueAsync();
        Assert.Single(_receiver.Tries);   // not due again before the back-off

        _hall.Clock.Advance(RetryDelay);
        await Eventually.TrueAsync(() => _receiver.Taken.Count == 1);
        Assert.Equal(2, _receiver.Tries.Count);
        Assert.Single(_receiver.Tries.Select(t => t.Key).Distinct());

        var clerk = await _hall.LoginAsync(1, "1001");
        var called = await CallAndFinishAsync(clerk);
        Assert.Equal(ticket.Number, called.Number);
        await Eventually.TrueAsync(() => _receiver.Tries.Count == 3);
        _hall.Clock.Advance(RetryDelay);
        await Eventually.TrueAsync(() => _receiver.Taken.Count == 2);
        await SendDueAsync();
        Assert.Equal(4, _receiver.Tries.Count);
        Assert.Equal(2, _receiver.Tries.Select(t => t.Key).Distinct().Count());
        Assert.Contains("号窗口", _receiver.Taken[1].Text);
    }

    [Fact]
    public async Task A_recall_sends_nothing_more()
    {
        await IssueAsync(Phone, consent: true);
        var clerk = await _hall.LoginAsync(1, "1001");
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync("/api/windows/1/call-next", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync("/api/windows/1/recall", null)).StatusCode);
        await Eventually.TrueAsync(() => _receiver.Taken.Count == 2);
        await SendDueAsync();
        Assert.Equal(2, _receiver.Tries.Count);
    }

    private async Task<IssuedTicket> IssueAsync(string phone, bool consent)
    {
        var response = await _hall.CreateClient().PostAsJsonAsync("/api/tickets", new { serviceId = 1, phone, smsConsent = consent });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!;
    }

    private static async Task<TicketView> CallAndFinishAsync(HttpClient clerk)
    {
        var call = await clerk.PostAsync("/api/windows/1/call-next", null);
        Assert.True(call.StatusCode == HttpStatusCode.OK, await call.Content.ReadAsStringAsync());
        var ticket = (await call.Content.ReadFromJsonAsync<WindowActionResult>(Json.Options))!.Ticket!;
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync("/api/windows/1/finish", null)).StatusCode);
        return ticket;
    }

    /// <summary>One round of the sender now, so a test can say that nothing more goes out.</summary>
    private Task<int> SendDueAsync() => _hall.Services.GetRequiredService<SmsDispatcher>().SendDueAsync(CancellationToken.None);

    private async Task<long> FailedTriesNotedAsync()
    {
        await using var connection = await _hall.Services.GetRequiredService<Hall.QueueService.Storage.QueueDatabase>().OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM sms_outbox WHERE last_error IS NOT NULL");
    }
}

public sealed class TurnNoticeOnSqliteTests() : TurnNoticeScenarios(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class TurnNoticeOnPostgresTests(PostgresServer postgres) : TurnNoticeScenarios(HallDatabase.Postgres(postgres));
