using System.Data.Common;
using Dapper;
using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;
using Hall.QueueService.Queue.Tables;

namespace Hall.QueueService.Queue;

/// <summary>Reads the live hall for the API, the hub snapshot and displays.</summary>
public sealed class HallQueries(QueueDatabase database, HallCatalogHolder hall, TimeProvider time)
{
    public async Task<TicketView?> GetTicketAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var args = new { id = id.ToString("D"), hall = hall.Current.HallId };
        // A ticket of an archived day (Archiving/DayArchiver.cs) is still answered, from the archive.
        var row = await TicketsTable.FindAsync(connection, args.hall, args.id)
            ?? await connection.QuerySingleOrDefaultAsync<TicketRow>("SELECT * FROM tickets_archive WHERE id = @id AND hall_id = @hall", args);
        if (row is null)
        {
            return null;
        }
        return await ToViewAsync(connection, null, row) with { Outcome = await Outcomes.TicketOutcomesTable.FindAsync(connection, args.hall, args.id) };
    }

    public async Task<TicketView> ToViewAsync(DbConnection connection, DbTransaction? transaction, TicketRow row)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        int ahead = 0, minutes = 0;
        if (row.StatusValue == TicketStatus.Waiting && catalog.FindService(row.ServiceId) is { } service)
        {
            ahead = await WaitEstimator.CountAheadAsync(connection, transaction, row.HallId, row.HallDate, row.ServiceId,
                NextTicketSelector.ClassOf(row, now), row.IssuedAt, row.Number, now);
            minutes = await WaitEstimator.EstimateMinutesAsync(connection, transaction, catalog, service, ahead, row.HallDate);
        }
        return View(catalog, row, ahead, minutes);
    }

    public static TicketView View(HallCatalog catalog, TicketRow row, int ahead = 0, int minutes = 0) => new(
        row.TicketId,
        row.Number,
        row.ServiceId,
        catalog.ServiceName(row.ServiceId),
        row.StatusValue,
        row.PriorityValue,
        row.WindowNumber,
        row.RatingLevel is { } level
            ? new RatingView(level, SatisfactionLevel.Of(level).ChineseLabel)
            {
                Reasons = Ratings.RatingReasons.FromColumn(row.RatingReasons),
                Channel = row.RatingChannel,
                Excluded = row.RatingExcluded == 1,
            }
            : null,
        ahead,
        minutes,
        row.RecallCount,
        At(catalog, row.IssuedAt)!.Value,
        At(catalog, row.CalledAt),
        At(catalog, row.StartedAt),
        At(catalog, row.FinishedAt));

    public async Task<IReadOnlyList<WindowInfo>> GetWindowsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetWindowsAsync(connection, null);
    }

    public async Task<WindowInfo?> GetWindowAsync(int number, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var windows = await GetWindowsAsync(connection, number);
        return windows.Count > 0 ? windows[0] : null;
    }

    private async Task<IReadOnlyList<WindowInfo>> GetWindowsAsync(DbConnection connection, int? only)
    {
        var catalog = hall.Current;
        var states = (await WindowStatesTable.AllAsync(connection, catalog.HallId)).ToDictionary(s => s.WindowNumber);
        var currentIds = states.Values.Select(s => s.CurrentTicketId).OfType<string>().ToArray();
        var current = (await TicketsTable.ManyAsync(connection, currentIds)).ToDictionary(t => t.Id);

        var result = new List<WindowInfo>();
        foreach (var window in catalog.Windows.Where(w => only is null || w.Number == only))
        {
            states.TryGetValue(window.Number, out var state);
            TicketSummary? summary = null;
            if (state?.CurrentTicketId is { } ticketId && current.TryGetValue(ticketId, out var ticket))
            {
                summary = new TicketSummary(ticket.TicketId, ticket.Number, ticket.ServiceId, catalog.ServiceName(ticket.ServiceId), ticket.StatusValue,
                    At(catalog, ticket.IssuedAt)!.Value, At(catalog, ticket.CalledAt), At(catalog, ticket.StartedAt));
            }
            ClerkBadge? badge = null;
            if (state?.StaffCode is { } staff && catalog.FindClerk(staff) is { } clerk)
            {
                badge = new ClerkBadge(clerk.StaffCode, clerk.Name, clerk.Unit, state.Post ?? "A", clerk.Title, clerk.PhotoUrl);
            }
            result.Add(new WindowInfo(
                window.Number,
                window.Name,
                KindName(window.Kind),
                window.ServiceIds,
                state?.StateValue ?? WindowState.Closed,
                badge,
                summary,
                state?.PauseReason,
                new WindowDevices(window.CallerAddress, window.EvaluatorAddress, window.LedAddress)));
        }
        return result;
    }

    public async Task<IReadOnlyList<ServiceQueueCount>> GetQueueCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetQueueCountsAsync(connection);
    }

    private async Task<IReadOnlyList<ServiceQueueCount>> GetQueueCountsAsync(DbConnection connection)
    {
        var catalog = hall.Current;
        var hallDate = catalog.HallDate(time.GetUtcNow()).ToKey();
        var rows = (await TicketsTable.WaitingByServiceAsync(connection, catalog.HallId, hallDate)).ToDictionary(r => (int)r.ServiceId);
        var paces = await WaitEstimator.SecondsPerPersonForAllAsync(connection, catalog, hallDate);
        var result = new List<ServiceQueueCount>();
        foreach (var service in catalog.Services)
        {
            rows.TryGetValue(service.Id, out var row);
            var waiting = (int)row.Waiting;
            var minutes = WaitEstimator.Minutes(waiting, paces[service.Id]);
            result.Add(new ServiceQueueCount(service.Id, service.Name, service.Prefix, waiting, minutes, At(catalog, row.Oldest)));
        }
        return result;
    }

    public async Task<IReadOnlyList<ServiceInfo>> GetServicesAsync(CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        var hallDate = catalog.HallDate(now).ToKey();
        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = (await GetQueueCountsAsync(connection)).ToDictionary(c => c.ServiceId);
        var issued = (await connection.QueryAsync<(long ServiceId, long Last)>(
            "SELECT service_id, last_number FROM ticket_counters WHERE hall_id = @hall AND hall_date = @hallDate",
            new { hall = catalog.HallId, hallDate })).ToDictionary(r => (int)r.ServiceId, r => (int)r.Last);
        var holiday = catalog.HolidayAt(now);
        return catalog.Services.Select(s =>
        {
            var count = counts[s.Id];
            string? closed = null;
            if (holiday is not null)
            {
                closed = $"{holiday}放假，大厅不办公 · Closed for {holiday}";
            }
            else if (!catalog.IsTicketing(s, now))
            {
                closed = $"取号时间 {HallCatalog.Describe(catalog.TicketingHours(s))} · Tickets {HallCatalog.Describe(catalog.TicketingHours(s))}";
            }
            else if (issued.GetValueOrDefault(s.Id) >= s.DailyQuota)
            {
                closed = $"今日号源已取完 · Today's {s.DailyQuota} tickets are taken";
            }
            return new ServiceInfo(s.Id, s.Code, s.Name, s.NameEn, s.Prefix, s.Category, count.Waiting, count.EstimatedWaitMinutes,
                closed is null, closed, s.Materials, catalog.WindowsServing(s.Id), s.PromisedMinutes, s.RequiresId);
        }).ToList();
    }

    /// <summary>Today's latest calls and recalls, newest first.</summary>
    public async Task<IReadOnlyList<TicketCalled>> GetRecentCallsAsync(int count, CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var hallDate = catalog.HallDate(time.GetUtcNow()).ToKey();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string TicketId, string Kind, long At, long WindowNumber, string Number, long ServiceId)>(
            """
            SELECT e.ticket_id, e.kind, e.at, e.window_number, t.number, t.service_id
            FROM events e JOIN tickets t ON t.id = e.ticket_id
            WHERE e.hall_id = @hall AND e.hall_date = @hallDate AND e.kind IN ('called', 'recalled', 'calledBack')
            ORDER BY e.id DESC LIMIT @count
            """,
            new { hall = catalog.HallId, hallDate, count });
        return rows.Select(r => new TicketCalled(
            Guid.Parse(r.TicketId), r.Number, (int)r.WindowNumber, catalog.WindowName((int)r.WindowNumber), catalog.ServiceName((int)r.ServiceId),
            catalog.ToOffset(TimeConversions.FromUnixMs(r.At)), r.Kind == EventKinds.Recalled,
            Announcements.Chinese(catalog, r.Number, (int)r.WindowNumber), Announcements.English(catalog, r.Number, (int)r.WindowNumber))).ToList();
    }

    public async Task<HallSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var windows = await GetWindowsAsync(cancellationToken);
        var calls = await GetRecentCallsAsync(10, cancellationToken);
        var queues = await GetQueueCountsAsync(cancellationToken);
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var notices = (await Notices.NoticesTable.InForceAsync(connection, catalog.HallId, now)).Select(n => Notices.NoticeReader.View(catalog, n, now)).ToList();
        return new HallSnapshot(catalog.Definition.Name, catalog.Definition.NameEn, catalog.Definition.TimeZone,
            catalog.ToOffset(now), windows, calls, queues, catalog.Definition.Notice, notices, catalog.Definition.Contacts);
    }

    public static string KindName(WindowKind kind) => kind switch
    {
        WindowKind.Comprehensive => "comprehensive",
        WindowKind.Category => "category",
        WindowKind.Department => "department",
        _ => "guidance",
    };

    private static DateTimeOffset? At(HallCatalog catalog, long? ms) => ms is { } v ? catalog.ToOffset(TimeConversions.FromUnixMs(v)) : null;
}
