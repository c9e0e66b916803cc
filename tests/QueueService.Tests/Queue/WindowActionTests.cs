using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Queue;

public abstract class WindowActionTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: hallDatabase);

    private async Task<TicketView> TicketAsync(Guid id) =>
        (await _hall.CreateClient().GetFromJsonAsync<TicketView>($"/api/tickets/{id}", Json.Options))!;

    [Fact]
    public async Task A_ticket_goes_waiting_called_serving_done_with_its_times()
    {
        var issued = await _hall.IssueAsync(1);
        var clerk = await _hall.LoginAsync(1, "1001");

        _hall.Clock.Advance(TimeSpan.FromMinutes(5));
        var called = await clerk.ActAsync(1, "call-next");
        Assert.Equal(TicketStatus.Called, called!.Status);
        Assert.Equal(1, called.WindowNumber);

        _hall.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TicketStatus.Serving, (await clerk.ActAsync(1, "start"))!.Status);
        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "call-next"));
        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "no-show"));

        _hall.Clock.Advance(TimeSpan.FromMinutes(10));
        var done = await clerk.ActAsync(1, "finish");
        Assert.Equal(TicketStatus.Done, done!.Status);

        var view = await TicketAsync(issued.Id);
        Assert.Equal(HallServerFactory.Start.AddMinutes(5), view.CalledAt);
        Assert.Equal(HallServerFactory.Start.AddMinutes(6), view.StartedAt);
        Assert.Equal(HallServerFactory.Start.AddMinutes(16), view.FinishedAt);
    }

    [Fact]
    public async Task Recall_is_limited_and_then_the_ticket_can_be_marked_no_show()
    {
        var issued = await _hall.IssueAsync(1);
        var clerk = await _hall.LoginAsync(1, "1001");
        await clerk.ActAsync(1, "call-next");
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(i, (await clerk.ActAsync(1, "recall"))!.RecallCount);
        }
        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "recall"));
        Assert.Equal(TicketStatus.NoShow, (await clerk.ActAsync(1, "no-show"))!.Status);
        Assert.Equal(TicketStatus.NoShow, (await TicketAsync(issued.Id)).Status);
        Assert.Null(await clerk.CallNextNumberAsync(1));
    }

    [Fact]
    public async Task A_transferred_ticket_keeps_its_place_in_the_new_service()
    {
        var first = await _hall.IssueAsync(1);     // A001 at 09:00
        _hall.Clock.Advance(TimeSpan.FromMinutes(1));
        await _hall.IssueAsync(3);                 // C001 at 09:01
        await _hall.IssueAsync(3);                 // C002

        var window2 = await _hall.LoginAsync(2, "1002");
        Assert.Equal("A001", await window2.CallNextNumberAsync(2));
        var transferred = await window2.ActAsync(2, "transfer", new { serviceId = 3 });
        Assert.Equal(TicketStatus.Waiting, transferred!.Status);
        Assert.Equal(3, transferred.ServiceId);
        var services = (await _hall.CreateClient().GetFromJsonAsync<List<ServiceInfo>>("/api/services", Json.Options))!;
        Assert.Equal((0, 3), (services.Single(s => s.Id == 1).Waiting, services.Single(s => s.Id == 3).Waiting));

        // Issued before C001, so A001 is first in 不动产登记's queue: the citizen does not queue again.
        var window4 = await _hall.LoginAsync(4, "1004");
        Assert.Equal("A001", await window4.CallNextNumberAsync(4));
        Assert.Equal(first.Number, (await TicketAsync(first.Id)).Number);
    }

    [Fact]
    public async Task A_ticket_transferred_to_a_window_is_called_there_first()
    {
        await _hall.IssueAsync(6);                 // F001 道路运输, not served at window 5
        var window1 = await _hall.LoginAsync(1, "1001");
        Assert.Equal("F001", await window1.CallNextNumberAsync(1));
        await window1.ActAsync(1, "transfer", new { windowNumber = 5 });
        await _hall.IssueAsync(4);                 // D001, window 5's first preference

        var window6 = await _hall.LoginAsync(6, "1006");
        Assert.Null(await window6.CallNextNumberAsync(6));
        var window5 = await _hall.LoginAsync(5, "1005");
        Assert.Equal("F001", await window5.CallNextNumberAsync(5));
        await window5.ActAsync(5, "finish");
        Assert.Equal("D001", await window5.CallNextNumberAsync(5));
    }

    [Fact]
    public async Task Hold_frees_the_window_and_call_back_brings_the_ticket_back()
    {
        await _hall.IssueAsync(1);
        await _hall.IssueAsync(1);
        var clerk = await _hall.LoginAsync(1, "1001");
        await clerk.ActAsync(1, "call-next");
        await clerk.ActAsync(1, "start");
        await clerk.ActAsync(1, "hold");

        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "logout"));
        Assert.Equal("A002", await clerk.CallNextNumberAsync(1));
        await clerk.ActAsync(1, "finish");
        var back = await clerk.ActAsync(1, "call-back");
        Assert.Equal("A001", back!.Number);
        Assert.Equal(TicketStatus.Called, back.Status);
        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "call-back"));
    }

    [Fact]
    public async Task A_clerk_can_call_a_given_number()
    {
        await _hall.IssueAsync(1);
        await _hall.IssueAsync(1);
        var clerk = await _hall.LoginAsync(1, "1001");
        Assert.Equal("A002", (await clerk.ActAsync(1, "call", new { number = "a002" }))!.Number);
        await clerk.ActAsync(1, "finish");
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync(1, "call", new { number = "Z999" }));
        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "call", new { number = "A002" }));
    }

    [Fact]
    public async Task A_paused_window_calls_nobody_until_it_resumes()
    {
        await _hall.IssueAsync(1);
        var clerk = await _hall.LoginAsync(1, "1001");
        Assert.Equal(HttpStatusCode.OK, await clerk.StatusOfAsync(1, "pause", new { reason = "业务培训" }));
        var window = await _hall.CreateClient().GetFromJsonAsync<WindowInfo>("/api/windows/1", Json.Options);
        Assert.Equal(WindowState.Paused, window!.State);
        Assert.Equal("业务培训", window.PauseReason);
        Assert.Equal(HttpStatusCode.Conflict, await clerk.StatusOfAsync(1, "call-next"));
        Assert.Equal(HttpStatusCode.OK, await clerk.StatusOfAsync(1, "resume"));
        Assert.Equal("A001", await clerk.CallNextNumberAsync(1));
    }

    [Fact]
    public async Task A_rating_binds_once_to_the_ticket_just_finished_within_the_time_out()
    {
        var issued = await _hall.IssueAsync(1);
        var client = _hall.CreateClient();
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/windows/1/rate", new { level = 5 })).StatusCode);

        var clerk = await _hall.LoginAsync(1, "1001");
        await clerk.ActAsync(1, "call-next");
        await clerk.ActAsync(1, "finish");
        _hall.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/windows/1/rate", new { level = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/windows/1/rate", new { level = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/windows/1/rate", new { level = 6 })).StatusCode);

        var rated = await TicketAsync(issued.Id);
        Assert.Equal(4, rated.Rating!.Level);
        Assert.Equal("满意", rated.Rating.Label);

        var late = await _hall.IssueAsync(1);
        await clerk.ActAsync(1, "call-next");
        await clerk.ActAsync(1, "finish");
        _hall.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/windows/1/rate", new { level = 5 })).StatusCode);
        Assert.Null((await TicketAsync(late.Id)).Rating);
    }

    [Fact]
    public async Task Unfinished_tickets_of_yesterday_are_cancelled_and_the_window_starts_the_day_free()
    {
        var stale = await _hall.IssueAsync(1);
        await _hall.IssueAsync(1);
        var clerk = await _hall.LoginAsync(1, "1001");
        await clerk.ActAsync(1, "call-next");

        _hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(8)));
        // Moving the clock also wakes the hosted loop; calling it here makes the test independent of that race.
        var housekeeping = (Hall.QueueService.Queue.DayEndHousekeeping)_hall.Services.GetService(typeof(Hall.QueueService.Queue.DayEndHousekeeping))!;
        await housekeeping.CloseEarlierDaysAsync();

        Assert.Equal(TicketStatus.Cancelled, (await TicketAsync(stale.Id)).Status);
        Assert.Equal("A001", (await _hall.IssueAsync(1)).Number);
        // Yesterday's login has ended (Security:ClerkTokenHours): the clerk logs in for the new day.
        clerk = await _hall.LoginAsync(1, "1001");
        Assert.Equal("A001", await clerk.CallNextNumberAsync(1));
    }

    public void Dispose() => _hall.Dispose();
}

public sealed class WindowActionOnSqliteTests() : WindowActionTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class WindowActionOnPostgresTests(PostgresServer postgres) : WindowActionTests(HallDatabase.Postgres(postgres));
