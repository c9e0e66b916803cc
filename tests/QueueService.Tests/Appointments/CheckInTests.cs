using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.QueueService.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Appointments;

/// <summary>Checking in with a booking code (POST /api/tickets with appointmentCode), with the manual clock at Monday 09:00.</summary>
public abstract class CheckInTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _server = new(database: hallDatabase);

    private static DateTimeOffset At(int hour, int minute = 0) => new(2026, 11, 23, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Checking_in_issues_a_ticket_of_the_booked_service_with_appointment_priority()
    {
        var client = _server.CreateClient();
        var booked = await client.BookAsync(3, At(9), AppointmentClient.Phone(1));

        var ticket = await client.CheckInAsync(booked.Code);

        Assert.Equal(3, ticket.ServiceId);
        Assert.Equal(TicketPriority.Appointment, ticket.Priority);
        Assert.StartsWith("C", ticket.Number, StringComparison.Ordinal);
        Assert.Null(ticket.Notice);
        var after = await client.GetFromJsonAsync<AppointmentView>($"/api/appointments/{booked.Code}", Json.Options);
        Assert.Equal(AppointmentStatus.CheckedIn, after!.Status);
        Assert.Equal(ticket.Id, after.TicketId);
    }

    [Fact]
    public async Task The_appointment_is_called_before_walk_ins_already_waiting()
    {
        var client = _server.CreateClient();
        var booked = await client.BookAsync(1, At(9), AppointmentClient.Phone(1));
        await _server.IssueAsync(1);
        await _server.IssueAsync(1);
        _server.Clock.Advance(TimeSpan.FromMinutes(2));
        var ticket = await client.CheckInAsync(booked.Code);

        var clerk = await _server.LoginAsync(2, "1002");
        Assert.Equal(ticket.Number, await clerk.CallNextNumberAsync(2));
    }

    [Fact]
    public async Task An_early_check_in_waits_as_normal_until_its_slot_starts()
    {
        var client = _server.CreateClient();
        var booked = await client.BookAsync(1, At(9, 30), AppointmentClient.Phone(1));
        var walkIn = await _server.IssueAsync(1);
        var ticket = await client.CheckInAsync(booked.Code);
        Assert.Equal(TicketPriority.Appointment, ticket.Priority);
        var later = await _server.IssueAsync(1);

        var clerk = await _server.LoginAsync(2, "1002");
        Assert.Equal(walkIn.Number, await clerk.CallNextNumberAsync(2));
        await clerk.ActAsync(2, "finish");
        _server.Clock.SetUtcNow(At(9, 30));
        Assert.Equal(ticket.Number, await clerk.CallNextNumberAsync(2));
        await clerk.ActAsync(2, "finish");
        Assert.Equal(later.Number, await clerk.CallNextNumberAsync(2));
    }

    [Fact]
    public async Task The_same_code_cannot_check_in_twice()
    {
        var client = _server.CreateClient();
        var booked = await client.BookAsync(1, At(9), AppointmentClient.Phone(1));
        await client.CheckInAsync(booked.Code);

        var again = await client.CheckInRawAsync(booked.Code);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("appointmentAlreadyCheckedIn", await again.ProblemCodeAsync());
    }

    [Fact]
    public async Task Concurrent_check_ins_with_one_code_issue_one_ticket()
    {
        var booked = await _server.CreateClient().BookAsync(1, At(9), AppointmentClient.Phone(1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _server.CreateClient().CheckInRawAsync(booked.Code)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
    }

    [Fact]
    public async Task Too_early_is_refused_with_the_time_to_come_back_then_accepted_in_the_window()
    {
        var client = _server.CreateClient();
        var booked = await client.BookAsync(1, At(10), AppointmentClient.Phone(1));

        var early = await client.CheckInRawAsync(booked.Code);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await early.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>(Json.Options);
        Assert.Equal("appointmentTooEarly", problem!["code"].GetString());
        Assert.Equal(At(9, 30), problem["checkInFrom"].GetDateTimeOffset());
        Assert.Contains("09:30", problem["detail"].GetString(), StringComparison.Ordinal);

        _server.Clock.SetUtcNow(At(9, 30));
        var ticket = await client.CheckInAsync(booked.Code);
        Assert.Equal(TicketPriority.Appointment, ticket.Priority);
    }

    [Fact]
    public async Task Too_late_gives_a_normal_ticket_with_the_reason()
    {
        var client = _server.CreateClient();
        var booked = await client.BookAsync(1, At(9), AppointmentClient.Phone(1));
        // Booking stays open until the slot ends; check-in until 15 minutes after it ends (09:45 for 09:00–09:30).
        _server.Clock.SetUtcNow(At(9, 29));
        var lastMinute = await client.BookAsync(2, At(9), AppointmentClient.Phone(2));
        _server.Clock.SetUtcNow(At(9, 45));
        Assert.Equal(TicketPriority.Appointment, (await client.CheckInAsync(lastMinute.Code)).Priority);

        _server.Clock.SetUtcNow(At(9, 46));
        var ticket = await client.CheckInAsync(booked.Code);

        Assert.Equal(TicketPriority.Normal, ticket.Priority);
        Assert.Equal(1, ticket.ServiceId);
        Assert.Contains("09:45", ticket.Notice, StringComparison.Ordinal);
        var after = await client.GetFromJsonAsync<AppointmentView>($"/api/appointments/{booked.Code}", Json.Options);
        Assert.Equal(AppointmentStatus.Missed, after!.Status);
        Assert.Equal("appointmentAlreadyCheckedIn", await (await client.CheckInRawAsync(booked.Code)).ProblemCodeAsync());
    }

    [Fact]
    public async Task A_booking_never_checked_in_is_marked_missed_after_its_window()
    {
        var client = _server.CreateClient();
        var booked = await client.BookAsync(1, At(9), AppointmentClient.Phone(1));
        var sweeper = _server.Services.GetRequiredService<MissedAppointmentSweeper>();

        _server.Clock.SetUtcNow(At(9, 45));
        Assert.Equal(0, await sweeper.SweepAsync());
        // Moving the clock also fires the sweeper's own minute timer, so either run may be the one that marks it.
        _server.Clock.SetUtcNow(At(9, 46));
        await sweeper.SweepAsync();

        var after = await client.GetFromJsonAsync<AppointmentView>($"/api/appointments/{booked.Code}", Json.Options);
        Assert.Equal(AppointmentStatus.Missed, after!.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/appointments/{booked.Code}")).StatusCode);
    }

    [Fact]
    public async Task A_cancelled_or_unknown_code_does_not_check_in()
    {
        var client = _server.CreateClient();
        var booked = await client.BookAsync(1, At(9), AppointmentClient.Phone(1));
        await client.DeleteAsync($"/api/appointments/{booked.Code}");

        Assert.Equal("appointmentCancelled", await (await client.CheckInRawAsync(booked.Code)).ProblemCodeAsync());
        var unknown = await client.CheckInRawAsync("ZZZZZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_code_for_another_service_is_refused()
    {
        var client = _server.CreateClient();
        var booked = await client.BookAsync(1, At(9), AppointmentClient.Phone(1));

        var response = await client.PostAsJsonAsync("/api/tickets", new { serviceId = 2, appointmentCode = booked.Code });

        Assert.Equal("appointmentServiceMismatch", await response.ProblemCodeAsync());
    }

    [Fact]
    public async Task A_checked_in_appointment_still_waiting_when_its_slot_ends_alerts_a_supervisor_once()
    {
        var client = _server.CreateClient();
        var booked = await client.BookAsync(1, At(9), AppointmentClient.Phone(1));
        var ticket = await client.CheckInAsync(booked.Code);
        var monitor = _server.Services.GetRequiredService<Hall.QueueService.Supervision.AlertMonitor>();

        _server.Clock.Advance(booked.SlotEnd - _server.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        await monitor.CheckAsync();
        Assert.Empty(await AppointmentAlertsAsync());

        _server.Clock.Advance(TimeSpan.FromMinutes(2));
        await monitor.CheckAsync();
        await monitor.CheckAsync();
        var alert = Assert.Single(await AppointmentAlertsAsync());
        Assert.Equal(ticket.Id.ToString(), alert.TicketId);
        Assert.Contains(ticket.Number, alert.Message, StringComparison.Ordinal);
        Assert.Contains("未叫号", alert.Message, StringComparison.Ordinal);

        // Called late is still called: a second booking called within its slot raises nothing.
        var other = await client.BookAsync(1, booked.SlotEnd.AddMinutes(30), AppointmentClient.Phone(2));
        _server.Clock.Advance(other.SlotStart - _server.Clock.GetUtcNow());
        await client.CheckInAsync(other.Code);
        var clerk = await _server.LoginAsync(2, "1002");
        await clerk.CallNextNumberAsync(2);
        await clerk.PostAsync("/api/windows/2/finish", null);
        await clerk.CallNextNumberAsync(2);
        _server.Clock.Advance(other.SlotEnd - _server.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await monitor.CheckAsync();
        Assert.Single(await AppointmentAlertsAsync());
    }

    private async Task<List<AlertView>> AppointmentAlertsAsync() =>
        (await _server.CreateAdminClient().GetFromJsonAsync<List<AlertView>>("/api/alerts", Json.Options))!
            .Where(a => a.Kind == Hall.QueueService.Supervision.AlertKinds.AppointmentNotCalled).ToList();

    public void Dispose() => _server.Dispose();
}

public sealed class CheckInOnSqliteTests() : CheckInTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class CheckInOnPostgresTests(PostgresServer postgres) : CheckInTests(HallDatabase.Postgres(postgres));
