using System.Data.Common;
using System.Globalization;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Supervision;

/// <summary>
/// 老年人优先 is self-declared at the kiosk, which scalpers abuse to sell numbers near the front. Counted per kiosk
/// (the ticket's source device) over the last hour: at the hall file's <c>security.elderlyAlertPerKioskHour</c> or
/// more, a supervisor is alerted once per kiosk and hour, to go and look at who is taking them.
/// </summary>
public static class ElderlyRateCheck
{
    public static async Task<IReadOnlyList<AlertStore.NewAlert>> FindAsync(DbConnection connection, HallCatalog catalog, DateTimeOffset now)
    {
        var threshold = catalog.Definition.Security.ElderlyAlertPerKioskHour;
        var rows = await connection.QueryAsync<(string Source, long Count)>(
            """
            SELECT source, COUNT(*) FROM tickets
            WHERE hall_id = @hall AND issued_at > @since AND priority = @elderly AND source IS NOT NULL
            GROUP BY source HAVING COUNT(*) >= @threshold
            """,
            new { hall = catalog.HallId, since = now.AddHours(-1).ToUnixMs(), elderly = (int)TicketPriority.Elderly, threshold });
        var local = catalog.ToLocal(now);
        var hour = local.ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture);
        return rows.Select(r =>
        {
            var device = catalog.Definition.Devices.FirstOrDefault(d => d.Id == r.Source)?.Name ?? r.Source;
            return new AlertStore.NewAlert(AlertKinds.ElderlyRate, $"elderlyRate:{r.Source}:{hour}",
                $"{device} 近一小时发出老年人优先号 {r.Count} 张（提醒阈值 {threshold} 张），请到现场核实是否有人代取、倒号。",
                $"{r.Source} issued {r.Count} elderly-priority numbers in the last hour (alert at {threshold}); check for scalpers taking them.");
        }).ToList();
    }
}
