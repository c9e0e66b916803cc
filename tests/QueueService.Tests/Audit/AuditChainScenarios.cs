using System.Net;
using System.Net.Http.Json;
using Dapper;
using Hall.QueueService.Audit;
using Hall.QueueService.Storage;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Archiving;
using Hall.QueueService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Audit;

/// <summary>
/// The event chain (电子监察), the same on the SQLite file and on PostgreSQL: a busy hall verifies ok; a row changed,
/// inserted or removed with plain SQL behind the server's back is named; archived rows stay in the chain.
/// </summary>
public abstract class AuditChainScenarios(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: hallDatabase);

    [Fact]
    public async Task A_busy_hall_with_concurrent_issuing_and_administration_verifies_ok_over_every_row()
    {
        _ = _hall.Server;
        var admin = _hall.AdminClient();
        var window1 = await _hall.LoginAsync(1, "1001");
        var window2 = await _hall.LoginAsync(2, "1002");
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => _hall.IssueAsync(1 + i % 3))));
        // Two windows serve while kiosks go on issuing.
        await Task.WhenAll(
            Task.Run(() => ServeAsync(window1, 1, 6)),
            Task.Run(() => ServeAsync(window2, 2, 3)),
            Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => _hall.IssueAsync(1 + i % 3)))));
        await (await admin.PostAsJsonAsync("/api/admin/clerks/1004/pin", new { pin = "24680" })).EnsureOkAsync();
        var issued = await admin.PostAsync("/api/admin/devices/kiosk-1/key", null);
        await issued.EnsureOkAsync();
        var key = (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/devices/kiosk-1/key")).StatusCode);

        var result = await AuditDatabase.VerifyAsync(admin);
        var count = await TableCounts.CountAsync(_hall, "events");
        Assert.Equal(new AuditVerification(true, count, null), result);
        Assert.True(count > 60, $"only {count} events");

        // The administrator's acts are on the record, with who did them and never the key.
        await using var connection = await AuditDatabase.OpenBehindTheServerAsync(_hall);
        var acts = (await connection.QueryAsync<(string Kind, string Device, string Detail)>(
            "SELECT kind, device, detail FROM events WHERE device LIKE 'admin:%' ORDER BY id")).ToList();
        Assert.Equal(
            [("hallChanged", "admin:admin", "clerk 1004 PIN set"), ("deviceKeyIssued", "admin:admin", "device kiosk-1"), ("deviceKeyRevoked", "admin:admin", "device kiosk-1")],
            acts);
        Assert.DoesNotContain(key.Split('.')[1], await _hall.StoredTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_changed_or_inserted_with_plain_sql_is_named_and_putting_it_back_heals_the_chain()
    {
        await BusyMorningAsync();
        var admin = _hall.AdminClient();
        var ids = await AuditDatabase.LiveIdsAsync(_hall);
        var target = ids[ids.Count / 2];
        var staff = (await (await AuditDatabase.OpenBehindTheServerAsync(_hall)).QuerySingleAsync<string?>(
            "SELECT staff_code FROM events WHERE id = @target", new { target }));

        // Changed: the clerk of one row replaced.
        await AuditDatabase.ExecuteBehindTheServerAsync(_hall, "UPDATE events SET staff_code = '1009' WHERE id = @target", new { target });
        Assert.Equal(new AuditVerification(false, ids.Count, target), await AuditDatabase.VerifyAsync(admin));
        await AuditDatabase.ExecuteBehindTheServerAsync(_hall, "UPDATE events SET staff_code = @staff WHERE id = @target", new { staff, target });
        Assert.True((await AuditDatabase.VerifyAsync(admin)).Ok);

        // Changed in time only, by one millisecond.
        await AuditDatabase.ExecuteBehindTheServerAsync(_hall, "UPDATE events SET at = at + 1 WHERE id = @target", new { target });
        Assert.Equal(target, (await AuditDatabase.VerifyAsync(admin)).FirstBadEventId);
        await AuditDatabase.ExecuteBehindTheServerAsync(_hall, "UPDATE events SET at = at - 1 WHERE id = @target", new { target });

        // Inserted: a copy of a real row, hash and all, added after the last one.
        await AuditDatabase.ExecuteBehindTheServerAsync(_hall,
            """
            INSERT INTO events (hall_id, ticket_id, kind, at, hall_date, window_number, staff_code, device, service_id, detail, hash)
            SELECT hall_id, ticket_id, kind, at, hall_date, window_number, staff_code, device, service_id, detail, hash FROM events WHERE id = @target
            """, new { target });
        var inserted = (await AuditDatabase.LiveIdsAsync(_hall))[^1];
        Assert.Equal(new AuditVerification(false, ids.Count + 1, inserted), await AuditDatabase.VerifyAsync(admin));
        await AuditDatabase.ExecuteBehindTheServerAsync(_hall, "DELETE FROM events WHERE id = @inserted", new { inserted });
        Assert.Equal(new AuditVerification(true, ids.Count, null), await AuditDatabase.VerifyAsync(admin));

        // The server goes on appending to the healed chain.
        await _hall.IssueAsync(2);
        Assert.Equal(new AuditVerification(true, ids.Count + 1, null), await AuditDatabase.VerifyAsync(admin));
    }

    [Fact]
    public async Task A_row_removed_with_plain_sql_is_named_by_the_row_after_the_gap_and_a_removed_last_row_by_its_id()
    {
        await BusyMorningAsync();
        var admin = _hall.AdminClient();
        var ids = await AuditDatabase.LiveIdsAsync(_hall);

        await AuditDatabase.ExecuteBehindTheServerAsync(_hall, "DELETE FROM events WHERE id = @last", new { last = ids[^1] });
        Assert.Equal(new AuditVerification(false, ids.Count - 1, ids[^1]), await AuditDatabase.VerifyAsync(admin));

        var removed = ids.Count / 3;
        await AuditDatabase.ExecuteBehindTheServerAsync(_hall, "DELETE FROM events WHERE id = @id", new { id = ids[removed] });
        Assert.Equal(new AuditVerification(false, ids.Count - 2, ids[removed + 1]), await AuditDatabase.VerifyAsync(admin));
    }

    [Fact]
    public async Task Archived_rows_stay_in_the_chain_and_a_change_in_the_archive_is_named()
    {
        var firstDay = DateOnly.FromDateTime(HallServerFactory.Start.Date);
        await HallHistory.LiveDayAsync(_hall, firstDay, 0);
        await HallHistory.LiveDayAsync(_hall, firstDay.AddDays(1), 1);
        _hall.Clock.SetUtcNow(HallHistory.At(firstDay.AddDays(2), 9, 0));
        await _hall.IssueAsync(1);
        var admin = _hall.AdminClient();
        await (await admin.PostAsync($"/api/admin/archive?before={firstDay.AddDays(2):yyyy-MM-dd}", null)).EnsureOkAsync();

        var archived = await TableCounts.CountAsync(_hall, "events_archive");
        var live = await TableCounts.CountAsync(_hall, "events");
        Assert.True(archived > 20, $"only {archived} archived events");
        Assert.Equal(2, await TableCounts.CountAsync(_hall, "events", "kind = 'archived' AND device = 'admin:admin'"));
        Assert.Equal(new AuditVerification(true, archived + live, null), await AuditDatabase.VerifyAsync(admin));

        await using var connection = await AuditDatabase.OpenBehindTheServerAsync(_hall);
        var target = await connection.QuerySingleAsync<long>("SELECT MIN(id) FROM events_archive WHERE kind = 'finished'");
        await connection.ExecuteAsync("UPDATE events_archive SET window_number = 3 WHERE id = @target", new { target });
        Assert.Equal(new AuditVerification(false, archived + live, target), await AuditDatabase.VerifyAsync(admin));
    }

    [Fact]
    public async Task Rows_written_before_the_chain_existed_are_chained_at_start_up_so_an_upgraded_database_verifies_ok()
    {
        await BusyMorningAsync();
        var database = _hall.Services.GetRequiredService<QueueDatabase>();
        // Turn the database back into one from before migration V010, rows and all, then start up as the server does.
        await AuditDatabase.ExecuteBehindTheServerAsync(_hall,
            """
            ALTER TABLE events DROP COLUMN hash;
            ALTER TABLE events_archive DROP COLUMN hash;
            DROP TABLE audit_chain_head;
            DELETE FROM schema_migrations WHERE version = 10;
            """);
        Assert.Equal(1, await SchemaMigrator.MigrateAsync(database));
        var count = await TableCounts.CountAsync(_hall, "events");
        Assert.Equal(0, await TableCounts.CountAsync(_hall, "events", "hash IS NOT NULL"));
        Assert.Equal((int)count, await EventChain.ChainEarlierRowsAsync(database, database.AuditKey, CancellationToken.None));
        Assert.Equal(0, await EventChain.ChainEarlierRowsAsync(database, database.AuditKey, CancellationToken.None));

        var admin = _hall.AdminClient();
        Assert.Equal(new AuditVerification(true, count, null), await AuditDatabase.VerifyAsync(admin));
        await _hall.IssueAsync(1);
        Assert.Equal(new AuditVerification(true, count + 1, null), await AuditDatabase.VerifyAsync(admin));

        // A row slipped in later without a hash is not taken into the chain by a later start-up.
        await AuditDatabase.ExecuteBehindTheServerAsync(_hall,
            "INSERT INTO events (hall_id, kind, at, hall_date) SELECT hall_id, kind, at, hall_date FROM events WHERE id = (SELECT MAX(id) FROM events)");
        Assert.Equal(0, await EventChain.ChainEarlierRowsAsync(database, database.AuditKey, CancellationToken.None));
        Assert.False((await AuditDatabase.VerifyAsync(admin)).Ok);
    }

    private static async Task ServeAsync(HttpClient clerk, int window, int tickets)
    {
        for (var i = 0; i < tickets; i++)
        {
            await clerk.ActAsync(window, "call-next");
            await clerk.ActAsync(window, "start");
            await clerk.ActAsync(window, "finish");
        }
    }

    /// <summary>Some issuing, calling and serving, so the chain has rows of several kinds.</summary>
    private async Task BusyMorningAsync()
    {
        var clerk = await _hall.LoginAsync(1, "1001");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => _hall.IssueAsync(1 + i % 2))));
        await ServeAsync(clerk, 1, 3);
    }

    public void Dispose()
    {
        _hall.Dispose();
        GC.SuppressFinalize(this);
    }
}
