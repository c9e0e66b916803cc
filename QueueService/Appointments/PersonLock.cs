using Hall.QueueService.Storage;

namespace Hall.QueueService.Appointments;

/// <summary>
/// Serialises one person's bookings on PostgreSQL, where write transactions run side by side: the per-person caps
/// are counted with plain reads, so two bookings of one phone or ID number racing on other services or days would
/// both see the count below the cap. A transaction-scoped advisory lock per phone and per ID hash (taken in one order,
/// so two bookings sharing either key queue instead of deadlocking) makes the second wait for the first's commit.
/// Advisory rather than a row lock: a person has no row to lock before their first booking, and a unique constraint
/// cannot express "2 a week". SQLite needs nothing: its writes already run one at a time.
/// </summary>
public static class PersonLock
{
    public static async Task AcquireAsync(WriteScope scope, string hallId, string phone, string? idHash)
    {
        string[] keys = idHash is null ? [$"{hallId}|phone|{phone}"] : [$"{hallId}|id|{idHash}", $"{hallId}|phone|{phone}"];
        foreach (var key in keys)
        {
            await scope.Dialect.LockForTransactionAsync(scope, key);
        }
    }
}
