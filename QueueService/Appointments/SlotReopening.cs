using System.Data.Common;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Appointments;

/// <summary>
/// A cancelled booking keeps its place in the slot's counter until <c>slot_reopens_at</c> (the hall file's
/// <c>appointments.cancelledSlotReopenMinutes</c> plus a random part of <c>cancelledSlotReopenSpreadMinutes</c>), so
/// a place freed by a scalper's cancellation cannot be handed to a buyer waiting to book it at an agreed moment. No
/// timer gives places back: the next booking of the slot does, in its own transaction, and the slot list counts due
/// places as free.
/// </summary>
public static class SlotReopening
{
    /// <summary>In the cancellation's transaction: when the place comes back (at once when the hall sets no delay).</summary>
    public static async Task ScheduleAsync(WriteScope scope, HallAppointmentRules rules, AppointmentRow row, DateTimeOffset now)
    {
        var delayMs = rules.CancelledSlotReopenMinutes * 60_000L + Random.Shared.NextInt64(rules.CancelledSlotReopenSpreadMinutes * 60_000L + 1);
        if (delayMs == 0)
        {
            await AppointmentBook.ReleaseSlotAsync(scope, row);
            return;
        }
        await scope.Connection.ExecuteAsync("UPDATE appointments SET slot_reopens_at = @at WHERE code = @code",
            new { at = now.ToUnixMs() + delayMs, code = row.Code }, scope.Transaction);
    }

    /// <summary>
    /// In a booking's transaction, before the slot's capacity is checked: gives back the places whose time has come.
    /// The bookings' marks are cleared first and only the rows this statement cleared are subtracted, so two racing
    /// bookings on PostgreSQL cannot both give the same place back (the second waits on the rows and then finds none).
    /// </summary>
    public static async Task ReopenDueAsync(WriteScope scope, string hallId, int serviceId, long slotStart, DateTimeOffset now)
    {
        var slot = new { hall = hallId, service = serviceId, slotStart, now = now.ToUnixMs() };
        var reopened = (await scope.Connection.QueryAsync<string>(
            """
            UPDATE appointments SET slot_reopens_at = NULL
            WHERE hall_id = @hall AND service_id = @service AND slot_start = @slotStart AND slot_reopens_at IS NOT NULL AND slot_reopens_at <= @now
            RETURNING code
            """, slot, scope.Transaction)).Count();
        if (reopened > 0)
        {
            await scope.Connection.ExecuteAsync(
                """
                UPDATE appointment_slots SET booked = CASE WHEN booked > @reopened THEN booked - @reopened ELSE 0 END
                WHERE hall_id = @hall AND service_id = @service AND slot_start = @slotStart
                """, new { slot.hall, slot.service, slot.slotStart, reopened }, scope.Transaction);
        }
    }

    /// <summary>Places due to come back per slot start in [from, to), counted as free by the slot list.</summary>
    public static async Task<Dictionary<long, int>> DueAsync(DbConnection connection, string hallId, int serviceId, long from, long to, DateTimeOffset now) =>
        (await connection.QueryAsync<(long SlotStart, long Due)>(
            """
            SELECT slot_start, COUNT(*) FROM appointments
            WHERE hall_id = @hall AND service_id = @service AND slot_start >= @from AND slot_start < @to
              AND slot_reopens_at IS NOT NULL AND slot_reopens_at <= @now
            GROUP BY slot_start
            """, new { hall = hallId, service = serviceId, from, to, now = now.ToUnixMs() }))
        .ToDictionary(r => r.SlotStart, r => (int)r.Due);
}
