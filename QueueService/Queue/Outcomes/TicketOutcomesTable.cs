using Hall.QueueService.Statistics;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue.Outcomes;

/// <summary>Every statement on <c>ticket_outcomes</c>: the outcome written with the finish, read with the ticket, summed for statistics.</summary>
public static class TicketOutcomesTable
{
    private static readonly Dictionary<OutcomeKind, string> Names = Enum.GetValues<OutcomeKind>()
        .ToDictionary(k => k, k => JsonSerializer.Serialize(k).Trim('"'));

    public static string NameOf(OutcomeKind kind) => Names[kind];

    public static Task InsertAsync(WriteScope scope, TicketRow ticket, OutcomeRules.Decided outcome, DateTimeOffset now) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO ticket_outcomes (ticket_id, hall_id, hall_date, service_id, window_number, staff_code, kind, case_number, promised_days, due_date, missing_materials, reason, recorded_at)
            VALUES (@id, @hall, @hallDate, @serviceId, @window, @staff, @kind, @caseNumber, @promisedDays, @dueDate, @missing, @reason, @now)
            """,
            new
            {
                id = ticket.Id,
                hall = ticket.HallId,
                hallDate = ticket.HallDate,
                serviceId = ticket.ServiceId,
                window = ticket.WindowNumber,
                staff = ticket.StaffCode,
                kind = NameOf(outcome.Kind),
                caseNumber = outcome.CaseNumber,
                promisedDays = outcome.PromisedDays,
                dueDate = outcome.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                missing = outcome.MissingMaterials.Count == 0 ? null : JsonSerializer.Serialize(outcome.MissingMaterials),
                reason = outcome.Reason,
                now = now.ToUnixMs(),
            },
            scope.Transaction);

    public static async Task<OutcomeView?> FindAsync(DbConnection connection, string hallId, string ticketId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string Kind, string? CaseNumber, string? DueDate, string? Missing, string? Reason)>(
            "SELECT kind, case_number, due_date, missing_materials, reason FROM ticket_outcomes WHERE hall_id = @hallId AND ticket_id = @ticketId",
            new { hallId, ticketId });
        if (row.Kind is null)
        {
            return null;
        }
        var kind = Names.First(n => n.Value == row.Kind).Key;
        var missing = row.Missing is null ? [] : JsonSerializer.Deserialize<List<string>>(row.Missing) ?? [];
        return new OutcomeView(kind, row.CaseNumber, row.DueDate, missing, row.Reason);
    }

    /// <summary>One count per service, window, clerk and outcome over a range of hall days; callers sum it by what they report.</summary>
    public sealed record Count(int ServiceId, int? WindowNumber, string? StaffCode, string Kind, long Number);

    public static async Task<IReadOnlyList<Count>> CountAsync(HistoryRead read, string hallId, string fromKey, string toKey) =>
        (await read.Connection.QueryAsync<(long ServiceId, long? WindowNumber, string? StaffCode, string Kind, long Number)>(
            $"""
            SELECT service_id, window_number, staff_code, kind, COUNT(*) FROM {read.Tables.Outcomes}
            WHERE hall_id = @hallId AND hall_date >= @fromKey AND hall_date <= @toKey
            GROUP BY service_id, window_number, staff_code, kind
            """, new { hallId, fromKey, toKey }, read.Transaction))
        .Select(r => new Count((int)r.ServiceId, (int?)r.WindowNumber, r.StaffCode, r.Kind, r.Number)).ToList();

    /// <summary>The counts summed per key (rows without one are left out), each a count per outcome.</summary>
    public static Dictionary<string, Dictionary<string, long>> SumBy(IEnumerable<Count> counts, Func<Count, string?> key) =>
        counts.Select(c => (Key: key(c), c.Kind, c.Number)).Where(c => c.Key is not null)
            .GroupBy(c => c.Key!)
            .ToDictionary(g => g.Key, g => g.GroupBy(c => c.Kind).ToDictionary(k => k.Key, k => k.Sum(c => c.Number)));
}
