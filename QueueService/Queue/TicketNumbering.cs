using Dapper;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>
/// Where a ticket gets its number: prefix + three digits, counted per service per hall day (reset at local midnight).
/// The counter row is incremented atomically in the ticket's own transaction, so numbers are unique and gap-free
/// under any number of kiosks and server instances.
/// </summary>
public static class TicketNumbering
{
    public static async Task<int> NextAsync(WriteScope scope, string hallId, int serviceId, string hallDate) =>
        await scope.Connection.ExecuteScalarAsync<int>(
            """
            INSERT INTO ticket_counters (hall_id, service_id, hall_date, last_number) VALUES (@hallId, @serviceId, @hallDate, 1)
            ON CONFLICT (hall_id, service_id, hall_date) DO UPDATE SET last_number = ticket_counters.last_number + 1
            RETURNING last_number
            """,
            new { hallId, serviceId, hallDate },
            scope.Transaction);

    public static string Format(string prefix, int sequence) => prefix + sequence.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
}
