using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Statistics;
using Hall.QueueService.Storage;
using Hall.QueueService.Supervision;

namespace Hall.QueueService.Queue.AfterHours;

/// <summary>
/// 延时服务: a clerk who does not serve after closing registers the refusal with its reason ("不得无故拒绝延时服务";
/// the hall documents ask refusals to be explained and registered); the supervisors are alerted at once. Visits
/// finished after closing are marked at the finish (<see cref="AfterHoursTable.RecordVisitAsync"/>).
/// </summary>
public sealed class AfterHoursDesk(QueueDatabase database, HallCatalogHolder hall, AlertStore alerts, TimeProvider time)
{
    public async Task<AfterHoursRefusalView> RefuseAsync(ClerkSession session, AfterHoursRefusalRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        if (!catalog.IsAfterClosing(now))
        {
            throw QueueProblems.NotAfterHours(HallCatalog.Describe(catalog.Definition.OpeningHours));
        }
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 200)
        {
            throw QueueProblems.AfterHoursReasonRequired();
        }
        var hallDate = catalog.HallDate(now).ToKey();
        var refusal = new AfterHoursTable.Refusal
        {
            Id = Guid.CreateVersion7(now).ToString("D"),
            HallId = catalog.HallId,
            HallDate = hallDate,
            WindowNumber = session.WindowNumber,
            StaffCode = session.StaffCode,
            Reason = reason,
            RefusedAt = now.ToUnixMs(),
        };
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            if (!string.IsNullOrWhiteSpace(request.TicketNumber))
            {
                var number = request.TicketNumber.Trim().ToUpperInvariant();
                var ticketId = await scope.Connection.QuerySingleOrDefaultAsync<string>(
                    "SELECT id FROM tickets WHERE hall_id = @hall AND hall_date = @hallDate AND number = @number",
                    new { hall = catalog.HallId, hallDate, number }, scope.Transaction)
                    ?? throw QueueProblems.TicketNumberNotFound(number);
                refusal.TicketId = ticketId;
                refusal.TicketNumber = number;
            }
            await AfterHoursTable.InsertRefusalAsync(scope, refusal);
            await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.AfterHoursRefused, now, hallDate, actor, ticketId: refusal.TicketId, detail: reason);
            await scope.CommitAsync(cancellationToken);
        }
        var clerk = catalog.FindClerk(session.StaffCode)?.Name ?? session.StaffCode;
        var ticket = refusal.TicketNumber is null ? "" : $"（{refusal.TicketNumber}）";
        await alerts.RaiseAsync(new AlertStore.NewAlert(AlertKinds.AfterHoursRefusal, $"afterHoursRefusal:{refusal.Id}",
            $"{catalog.WindowName(session.WindowNumber)} {clerk} 登记拒绝延时服务{ticket}，理由：{reason}。",
            $"Window {session.WindowNumber} ({session.StaffCode}) registered a refusal to serve after hours{(refusal.TicketNumber is null ? "" : " (" + refusal.TicketNumber + ")")}.",
            session.WindowNumber, TicketId: refusal.TicketId), cancellationToken);
        return View(catalog, refusal);
    }

    /// <summary>The after-hours visits per day and the refusals registered, over a range of hall days.</summary>
    public async Task<AfterHoursReport> ReportAsync(HallDateRange range, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        await using var connection = await database.OpenAsync(cancellationToken);
        var days = (await connection.QueryAsync<(string HallDate, long Count)>(
            """
            SELECT hall_date, COUNT(*) FROM after_hours_visits WHERE hall_id = @hall AND hall_date >= @from AND hall_date <= @to
            GROUP BY hall_date ORDER BY hall_date
            """, new { hall = catalog.HallId, from = range.FromKey, to = range.ToKey }))
            .Select(d => new AfterHoursDay(d.HallDate, (int)d.Count)).ToList();
        var refusals = await AfterHoursTable.RefusalsAsync(connection, catalog.HallId, range.FromKey, range.ToKey);
        return new AfterHoursReport(HallCatalog.Describe(catalog.Definition.OpeningHours), catalog.Definition.AfterHours.TicketingMinutesAfterClosing,
            days.Sum(d => d.Visits), days, refusals.Select(r => View(catalog, r)).ToList());
    }

    private static AfterHoursRefusalView View(HallCatalog catalog, AfterHoursTable.Refusal r) =>
        new(r.Id, r.WindowNumber, r.StaffCode, catalog.FindClerk(r.StaffCode)?.Name, r.TicketNumber, r.Reason,
            catalog.ToOffset(TimeConversions.FromUnixMs(r.RefusedAt)));
}

/// <summary><c>POST /api/windows/{n}/after-hours-refusal</c>: the reason, and the ticket number when one citizen was turned away.</summary>
public sealed record AfterHoursRefusalRequest(string? Reason, string? TicketNumber = null);

public sealed record AfterHoursRefusalView(string Id, int WindowNumber, string StaffCode, string? ClerkName, string? TicketNumber, string Reason, DateTimeOffset RefusedAt);

public sealed record AfterHoursDay(string Date, int Visits);

public sealed record AfterHoursReport(string OpeningHours, int TicketingMinutesAfterClosing, int Visits, IReadOnlyList<AfterHoursDay> Days,
    IReadOnlyList<AfterHoursRefusalView> Refusals);
