using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Appointments;

/// <summary>
/// Check-in by ID card (刷证签到): a kiosk that read the citizen's card asks for the booking made with that number.
/// The booking is found by the number's keyed hash (the number itself is never stored): today's open booking whose
/// check-in window is open now, else the nearest one; the check-in itself then follows the code's rules.
/// </summary>
public static class AppointmentByIdNumber
{
    public static async Task<string> FindCodeAsync(QueueDatabase database, HallCatalog catalog, string idHash, int? serviceId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Code, long CheckInFrom, long CheckInUntil, long SlotStart)>(
            "SELECT code, check_in_from, check_in_until, slot_start FROM appointments " +
            "WHERE hall_id = @hall AND hall_date = @hallDate AND id_hash = @idHash AND status = @booked AND ticket_id IS NULL" +
            (serviceId is null ? "" : " AND service_id = @serviceId"), // no untyped null parameter: PostgreSQL cannot type it
            new { hall = catalog.HallId, hallDate = catalog.HallDate(now).ToKey(), idHash, serviceId, booked = (int)AppointmentStatus.Booked })).ToList();
        var at = now.ToUnixMs();
        var best = rows
            .OrderBy(r => r.CheckInFrom <= at && at <= r.CheckInUntil ? 0 : 1)
            .ThenBy(r => Math.Abs(r.SlotStart - at))
            .Select(r => r.Code)
            .FirstOrDefault();
        return best ?? throw QueueProblems.NoAppointmentForId();
    }
}
