using System.Data.Common;
using Dapper;

namespace Hall.QueueService.Statistics;

/// <summary>
/// Where a range's tickets and events are read from: the live tables when no day of the range has been archived (the
/// usual case: this month's figures), where the indexes serve the query directly, else the <c>ticket_history</c> and
/// <c>event_history</c> views over the live and archive tables. Reading a month of 100 000 tickets through the views
/// costs about twice as long, so they are used only where they are needed. A city server reads its halls' uplinked
/// copies, which have the same columns the statistics read.
/// </summary>
public sealed record HistoryTables(string Tickets, string Events, string Outcomes = "ticket_outcomes")
{
    public static readonly HistoryTables Live = new("tickets", "events");

    public static readonly HistoryTables WithArchive = new("ticket_history", "event_history");

    public static readonly HistoryTables City = new("city_tickets", "city_events", "city_ticket_outcomes");

    /// <summary>The tables for the range; read it in the transaction the figures are read in (see <see cref="HistoryRead"/>).</summary>
    public static async Task<HistoryTables> ForAsync(DbConnection connection, DbTransaction? transaction, string hallId, HallDateRange range)
    {
        var archived = await connection.ExecuteScalarAsync<long?>(
            """
            SELECT 1 WHERE EXISTS (SELECT 1 FROM tickets_archive WHERE hall_id = @hall AND hall_date >= @from AND hall_date <= @to)
                        OR EXISTS (SELECT 1 FROM events_archive WHERE hall_id = @hall AND hall_date >= @from AND hall_date <= @to)
            """,
            new { hall = hallId, from = range.FromKey, to = range.ToKey }, transaction);
        return archived is null ? Live : WithArchive;
    }
}
