using System.Data.Common;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Supervision;

namespace Hall.QueueService.Appointments;

/// <summary>
/// The window must serve a booked citizen within the booked time (the hall documents): a ticket checked in with an
/// appointment and still waiting when its slot has ended alerts a supervisor once (keyed by the ticket).
/// </summary>
public static class AppointmentNotCalledCheck
{
    public static async Task<IReadOnlyList<AlertStore.NewAlert>> FindAsync(DbConnection connection, HallCatalog catalog, DateTimeOffset now)
    {
        var rows = await connection.QueryAsync<(string Id, string Number, long ServiceId, long SlotStart, long SlotEnd)>(
            """
            SELECT t.id, t.number, t.service_id, a.slot_start, a.slot_end
            FROM tickets t JOIN appointments a ON a.code = t.appointment_code AND a.hall_id = t.hall_id
            WHERE t.hall_id = @hall AND t.hall_date = @hallDate AND t.status = @waiting AND a.slot_end <= @now
            """,
            new { hall = catalog.HallId, hallDate = catalog.HallDate(now).ToKey(), waiting = (int)TicketStatus.Waiting, now = now.ToUnixMs() });
        return rows.Select(r =>
        {
            var service = catalog.FindService((int)r.ServiceId);
            var start = catalog.ToOffset(TimeConversions.FromUnixMs(r.SlotStart));
            var end = catalog.ToOffset(TimeConversions.FromUnixMs(r.SlotEnd));
            return new AlertStore.NewAlert(AlertKinds.AppointmentNotCalled, $"appointmentNotCalled:{r.Id}",
                $"预约号 {r.Number}（{service?.Name}，预约时段 {start:HH:mm}–{end:HH:mm}）已签到，时段已过仍未叫号。",
                $"Appointment ticket {r.Number} ({service?.NameEn}, slot {start:HH:mm}-{end:HH:mm}) checked in and has not been called within its slot.",
                ServiceId: (int)r.ServiceId, TicketId: r.Id);
        }).ToList();
    }
}
