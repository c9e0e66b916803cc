using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Appointments;
using Hall.QueueService.Privacy;
using Hall.QueueService.Storage;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Audit;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Privacy;

/// <summary>
/// 个人信息保护 on both databases: names, phone numbers and ID numbers go when <c>Privacy:RetainDays</c> have passed
/// (the fake clock lives the half year), and an administrator erases one person's on request; the figures and the
/// event chain stay whole, and the event record never names the person.
/// </summary>
public abstract class PersonalDataScenarios(HallDatabase hallDatabase) : IDisposable
{
    private const string IdNumber = "11010519491231002X";
    private const string OtherIdNumber = "110101199003074514";
    private static readonly DateOnly FirstDay = DateOnly.FromDateTime(HallServerFactory.Start.Date);

    private readonly HallServerFactory _hall = new(new()
    {
        // Supervision checks every 15 s by default; over half a year of test clock that is only waiting.
        ["Supervision:CheckIntervalSeconds"] = "3600",
    }, hallDatabase);

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.Year, day.Month, day.Day, hour, minute, 0, TimeSpan.FromHours(8));

    private Task<HttpResponseMessage> BookAsync(int serviceId, DateTimeOffset slot, string name, string phone, string? idNumber) =>
        _hall.CreateClient().PostAsJsonAsync("/api/appointments", new { serviceId, slotStart = slot, name, phone, idNumber });

    private async Task<AppointmentView> BookedAsync(int serviceId, DateTimeOffset slot, string name, string phone, string? idNumber = null)
    {
        var response = await BookAsync(serviceId, slot, name, phone, idNumber);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AppointmentView>(Json.Options))!;
    }

    private async Task<T> QueryOneAsync<T>(string sql, object? args = null)
    {
        await using var connection = await _hall.Services.GetRequiredService<QueueDatabase>().OpenAsync();
        return await connection.QuerySingleAsync<T>(sql, args);
    }

    private async Task<List<string?>> EventDetailsAsync(string kind)
    {
        await using var connection = await _hall.Services.GetRequiredService<QueueDatabase>().OpenAsync();
        return [.. await connection.QueryAsync<string?>("SELECT detail FROM events WHERE kind = @kind ORDER BY id", new { kind })];
    }

    /// <summary>
    /// Whether the stored text holds <paramref name="text"/>: <see cref="HallServerFactory.StoredTextAsync"/> reads the
    /// SQLite file's raw bytes as Latin-1 and PostgreSQL's rows as text.
    /// </summary>
    private static bool Holds(string stored, string text) =>
        stored.Contains(text, StringComparison.Ordinal) || stored.Contains(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text)), StringComparison.Ordinal);

    [Fact]
    public async Task Personal_data_older_than_the_retention_is_erased_while_the_figures_stay_exact()
    {
        var admin = _hall.CreateAdminClient();
        var early = await BookedAsync(1, At(FirstDay, 10), "李秀英", AppointmentClient.Phone(1), IdNumber);
        _hall.Clock.SetUtcNow(At(FirstDay, 9, 50));
        await _hall.CreateClient().CheckInAsync(early.Code);
        await _hall.IssueAsync(7, idNumber: OtherIdNumber);   // 户政业务 takes the ID number (实名取号)
        var statsUrl = $"/api/stats?from={FirstDay:yyyy-MM-dd}&to={FirstDay:yyyy-MM-dd}";

        // A booking a hundred days later is still inside the half year when the first day's data goes.
        var later = FirstDay.AddDays(100);
        _hall.Clock.JumpTo(At(later, 8));
        _hall.Clock.Advance(TimeSpan.FromHours(1));
        var recent = await BookedAsync(2, At(later, 10), "王建国", AppointmentClient.Phone(2));
        // The first day's end (its waiting tickets cancelled) runs on the clock's thread: wait for it before the figures.
        await Eventually.TrueAsync(async () => await QueryOneAsync<long>(
            "SELECT COUNT(*) FROM tickets WHERE hall_date = @day AND status IN (@waiting, @called, @serving)",
            new { day = $"{FirstDay:yyyy-MM-dd}", waiting = (int)TicketStatus.Waiting, called = (int)TicketStatus.Called, serving = (int)TicketStatus.Serving }) == 0);
        // Then the day is archived (days older than 31), as the daily archiving would: the figures are read once it is.
        // Asked of the administrator's endpoint rather than waited for, because the daily check on the same tick may
        // have come before the day's end and left the day in play until its next check; its answer says why if not.
        var archive = await admin.PostAsync($"/api/admin/archive?before={FirstDay.AddDays(1):yyyy-MM-dd}", null);
        var archiveAnswer = await archive.Content.ReadAsStringAsync();
        Assert.True(archive.IsSuccessStatusCode, archiveAnswer);
        await Eventually.TrueAsync(async () => await QueryOneAsync<long>(
            "SELECT COUNT(*) FROM tickets_archive WHERE hall_date = @day", new { day = $"{FirstDay:yyyy-MM-dd}" }) == 2,
            explain: () => "The administrator's archiving answered: " + archiveAnswer);
        var figures = await FiguresAsync(admin, statsUrl);

        Assert.True(Holds(await _hall.StoredTextAsync(), "李秀英"));

        // Day 181: the first day's data goes at the next sweep (hourly by default); the day after it stays (the
        // event names the boundary).
        _hall.Clock.JumpTo(At(FirstDay.AddDays(181), 8));
        _hall.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(async () => (await EventDetailsAsync(PersonalDataEraser.ExpiredEventKind)).Count > 0);
        var detail = Assert.Single(await EventDetailsAsync(PersonalDataEraser.ExpiredEventKind));
        Assert.Equal($"before={FirstDay.AddDays(1):yyyy-MM-dd} tickets=2 appointments=1 followUps=0", detail);

        Assert.Equal(0, await QueryOneAsync<int>(
            "SELECT COUNT(*) FROM ticket_history WHERE hall_date = @day AND (id_hash IS NOT NULL OR id_masked IS NOT NULL)", new { day = $"{FirstDay:yyyy-MM-dd}" }));
        var erased = await QueryOneAsync<(string Name, string Phone, string? IdHash, string? IdMasked)>(
            "SELECT name, phone, id_hash, id_masked FROM appointments WHERE code = @code", new { code = early.Code });
        Assert.Equal(("", "", null, null), erased);
        var kept = await QueryOneAsync<(string Name, string Phone)>("SELECT name, phone FROM appointments WHERE code = @code", new { code = recent.Code });
        Assert.Equal(("王建国", AppointmentClient.Phone(2)), kept);

        // Gone from the stored bytes too, not only from the rows (SQLite: secure delete and the log truncated).
        var stored = await _hall.StoredTextAsync();
        Assert.False(Holds(stored, "李秀英"));
        Assert.DoesNotContain(AppointmentClient.Phone(1), stored, StringComparison.Ordinal);
        Assert.DoesNotContain("002X", stored, StringComparison.Ordinal);
        Assert.True(Holds(stored, "王建国"));

        Assert.Equal(figures, await FiguresAsync(admin, statsUrl));
        Assert.True((await AuditDatabase.VerifyAsync(admin)).Ok);
    }

    [Fact]
    public async Task An_administrator_finds_and_erases_one_person_by_ID_number_or_phone()
    {
        var admin = _hall.CreateAdminClient();
        var phone = AppointmentClient.Phone(7);
        var first = await BookedAsync(1, At(FirstDay, 10), "欧阳春燕", phone, IdNumber);
        var second = await BookedAsync(2, At(FirstDay.AddDays(1), 11), "欧阳春燕", phone);   // one booking a day per person
        var someoneElse = await BookedAsync(1, At(FirstDay, 11), "司马远航", AppointmentClient.Phone(8), OtherIdNumber);
        _hall.Clock.SetUtcNow(At(FirstDay, 9, 50));
        var checkedIn = await _hall.CreateClient().CheckInAsync(first.Code);
        await _hall.IssueAsync(7, idNumber: IdNumber);

        var found = await SearchAsync(admin, new { idNumber = IdNumber.ToLowerInvariant() });
        Assert.Equal(2, found.Tickets);   // the checked-in appointment's ticket and the 户政 ticket
        Assert.Equal([first.Code], found.Appointments.Select(a => a.Code));
        Assert.Equal("**************002X", found.Appointments[0].IdMasked);
        Assert.Equal(new[] { first.Code, second.Code }.Order(), (await SearchAsync(admin, new { phone })).Appointments.Select(a => a.Code).Order());

        var response = await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { idNumber = IdNumber, phone });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var erased = (await response.Content.ReadFromJsonAsync<ErasedPersonalData>(Json.Options))!;
        Assert.Equal((2, 2), (erased.Tickets, erased.Appointments));

        Assert.Equal(0, (await SearchAsync(admin, new { idNumber = IdNumber })).Tickets);
        Assert.Empty((await SearchAsync(admin, new { phone })).Appointments);
        Assert.Equal([someoneElse.Code], (await SearchAsync(admin, new { idNumber = OtherIdNumber })).Appointments.Select(a => a.Code));
        var ticket = await _hall.CreateClient().GetFromJsonAsync<TicketView>($"/api/tickets/{checkedIn.Id}", Json.Options);
        Assert.Equal(checkedIn.Number, ticket!.Number);   // the visit itself stays on the record

        var stored = await _hall.StoredTextAsync();
        Assert.False(Holds(stored, "欧阳春燕"));
        Assert.DoesNotContain(phone, stored, StringComparison.Ordinal);
        Assert.Equal("tickets=2 appointments=2", Assert.Single(await EventDetailsAsync(PersonalDataEraser.ErasedEventKind)));
        Assert.True((await AuditDatabase.VerifyAsync(admin)).Ok);
    }

    [Fact]
    public async Task Looking_for_nobody_or_a_wrong_number_is_refused_and_strangers_may_not_look()
    {
        var admin = _hall.CreateAdminClient();
        Assert.Equal("personRequired", await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { })));
        Assert.Equal("invalidIdNumber", await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/personal-data/search", new { idNumber = "110105194912310021" })));
        Assert.Equal("invalidPhone", await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { phone = "12" })));
        var anonymous = await _hall.CreateClient().PostAsJsonAsync("/api/admin/personal-data/search", new { phone = AppointmentClient.Phone(1) });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Empty(await EventDetailsAsync(PersonalDataEraser.ErasedEventKind));
    }

    /// <summary>The statistics' answer without the moment it was made.</summary>
    private static async Task<string> FiguresAsync(HttpClient admin, string url)
    {
        var figures = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync(url))!.AsObject();
        figures.Remove("generatedAt");
        return figures.ToJsonString();
    }

    private static async Task<string?> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.ProblemCodeAsync();
    }

    private static async Task<PersonalDataFound> SearchAsync(HttpClient admin, object person)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/personal-data/search", person);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PersonalDataFound>(Json.Options))!;
    }

    public void Dispose() => _hall.Dispose();
}

public sealed class PersonalDataOnSqliteTests() : PersonalDataScenarios(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PersonalDataOnPostgresTests(PostgresServer postgres) : PersonalDataScenarios(HallDatabase.Postgres(postgres));
