using System.Globalization;
using System.Text;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>
/// Picks the ticket a window calls next. Order: priority class (green channel, appointment due now, elderly/disabled,
/// normal), then the window's order of preference among its services (unless the hall takes the oldest ticket across
/// them), then issue time, so transferred tickets keep their place. Tickets transferred to this very window come first
/// within their class. The starvation guard sends a waiting normal ticket after <c>normalAfterPriorityCalls</c>
/// priority calls in a row at the window.
/// </summary>
public static class NextTicketSelector
{
    /// <summary>Appointment tickets count as appointments only from their slot's start (<c>due_at</c>); before that, as normal.</summary>
    public const string EffectiveClass = "(CASE WHEN priority = 1 AND due_at > @now THEN 3 ELSE priority END)";

    public const int NormalClass = 3;

    public static async Task<TicketRow?> FindAsync(WriteScope scope, HallCatalog catalog, WindowDefinition window,
        int priorityStreak, DateTimeOffset now, string hallDate)
    {
        var parameters = new DynamicParameters();
        parameters.Add("hall", catalog.HallId);
        parameters.Add("date", hallDate);
        parameters.Add("window", window.Number);
        parameters.Add("services", window.ServiceIds.ToArray());
        parameters.Add("now", now.ToUnixMs());
        parameters.Add("waiting", (int)TicketStatus.Waiting);

        var preference = new StringBuilder("CASE WHEN target_window = @window THEN -1");
        if (catalog.Definition.Selection == QueueSelection.Preference)
        {
            for (var i = 0; i < window.ServiceIds.Count; i++)
            {
                preference.Append(CultureInfo.InvariantCulture, $" WHEN service_id = @pref{i} THEN {i}");
                parameters.Add("pref" + i.ToString(CultureInfo.InvariantCulture), window.ServiceIds[i]);
            }
        }
        preference.Append(" ELSE 0 END");

        var baseSql =
            $"""
            SELECT * FROM tickets
            WHERE hall_id = @hall AND status = @waiting AND hall_date = @date
              AND ((target_window IS NULL AND service_id {scope.Dialect.In("@services")}) OR target_window = @window)
            """;
        var order = $" ORDER BY {EffectiveClass}, {preference}, issued_at, number LIMIT 1{scope.Dialect.ForUpdate}";

        if (priorityStreak >= catalog.Definition.NormalAfterPriorityCalls)
        {
            var normal = await scope.Connection.QuerySingleOrDefaultAsync<TicketRow>(
                baseSql + $" AND {EffectiveClass} = {NormalClass}" + order, parameters, scope.Transaction);
            if (normal is not null)
            {
                return normal;
            }
        }
        return await scope.Connection.QuerySingleOrDefaultAsync<TicketRow>(baseSql + order, parameters, scope.Transaction);
    }

    /// <summary>The class a ticket is called in at <paramref name="now"/> (0 green … 3 normal).</summary>
    public static int ClassOf(TicketRow ticket, DateTimeOffset now) =>
        ticket.Priority == 1 && ticket.DueAt > now.ToUnixMs() ? NormalClass : ticket.Priority;
}
