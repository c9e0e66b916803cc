using System.Data.Common;
using Dapper;
using Hall.QueueService.Appointments;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Notify;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Privacy;

/// <summary>How many records had their personal data erased, per table.</summary>
/// <param name="TextMessages">Phones left for the text reminder (到号提醒) and the messages sent to them.</param>
public sealed record ErasedPersonalData(int Tickets, int Appointments, int FollowUps, int TextMessages = 0, int Complaints = 0)
{
    public int Total => Tickets + Appointments + FollowUps + TextMessages + Complaints;
}

/// <summary>
/// Erases citizens' personal data (个人信息): the names, phone numbers, ID hashes and masked ID numbers on tickets
/// (live and archived) and appointments, and the free-text answers on follow-ups (they may name whom the hall phoned).
/// The rows themselves stay, with their times, services, windows, outcomes and ratings, so statistics read exactly
/// the same. Each run is an event on the record, carrying counts only.
/// </summary>
public sealed class PersonalDataEraser(QueueDatabase database, HallCatalogHolder hall, HallSecrets secrets, TimeProvider time)
{
    public const string ExpiredEventKind = "personalDataExpired";
    public const string ErasedEventKind = "personalDataErased";

    // Kept-but-empty values: appointments.name and .phone are NOT NULL. A still-booked row cannot keep '' as its phone
    // (a partial unique index holds one active booking per phone), so it keeps its own code there instead.
    private const string ErasedAppointment =
        "name = '', phone = CASE WHEN status = @booked THEN code ELSE '' END, id_hash = NULL, id_masked = NULL";

    /// <summary>Erases what is older than <paramref name="retainDays"/> hall days; records an event when anything went.</summary>
    public async Task<ErasedPersonalData> EraseExpiredAsync(int retainDays, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        var today = catalog.HallDate(now);
        var before = today.AddDays(-retainDays).ToKey();
        var beforeMs = catalog.StartOfDay(today.AddDays(-retainDays)).ToUnixMs();
        var args = new { hallId = catalog.HallId, before, beforeMs, booked = (int)AppointmentStatus.Booked };
        ErasedPersonalData erased;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var tickets = 0;
            foreach (var table in TicketTables)
            {
                tickets += await scope.Connection.ExecuteAsync(
                    $"UPDATE {table} SET id_hash = NULL, id_masked = NULL WHERE hall_id = @hallId AND hall_date < @before AND (id_hash IS NOT NULL OR id_masked IS NOT NULL)",
                    args, scope.Transaction);
            }
            var appointments = await scope.Connection.ExecuteAsync(
                $"UPDATE appointments SET {ErasedAppointment} WHERE hall_id = @hallId AND hall_date < @before AND {AppointmentHoldsData}",
                args, scope.Transaction);
            var followUps = await scope.Connection.ExecuteAsync(
                "UPDATE follow_ups SET answer = '' WHERE hall_id = @hallId AND created_at < @beforeMs AND answer IS NOT NULL AND answer <> ''",
                args, scope.Transaction);
            var texts = await SmsOutboxTable.EraseBeforeAsync(scope, catalog.HallId, before)
                + await SmsConsentsTable.EraseBeforeAsync(scope, catalog.HallId, before);
            // Complaints' contact names and phones go with the rest.
            var complaints = await Complaints.ComplaintsTable.EraseBeforeAsync(scope, catalog.HallId, beforeMs);
            erased = new ErasedPersonalData(tickets, appointments, followUps, texts, complaints);
            if (erased.Total > 0)
            {
                await EventLog.AppendAsync(scope, catalog.HallId, ExpiredEventKind, now, today.ToKey(), new Actor("privacy"),
                    detail: $"before={before} tickets={tickets} appointments={appointments} followUps={followUps}" + (texts > 0 ? $" textMessages={texts}" : "")
                        + (complaints > 0 ? $" complaints={complaints}" : ""));
            }
            await scope.CommitAsync(cancellationToken);
        }
        if (erased.Total > 0)
        {
            await database.TruncateWriteAheadLogAsync(cancellationToken);
        }
        return erased;
    }

    /// <summary>
    /// Erases one person's data (个人信息删除) found by ID number (its keyed hash) or phone, on every record however
    /// old, including the tickets their appointments became. The event names the administrator and the counts, never
    /// the person.
    /// </summary>
    public async Task<ErasedPersonalData> EraseOneAsync(PersonSought person, string administrator, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        var args = Arguments(catalog.HallId, person);
        ErasedPersonalData erased;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var tickets = 0;
            foreach (var table in TicketTables)
            {
                // Before the appointments lose their phone numbers: the tickets they became are found through them.
                tickets += await scope.Connection.ExecuteAsync(
                    $"""
                    UPDATE {table} SET id_hash = NULL, id_masked = NULL
                    WHERE hall_id = @hallId AND (id_hash = @idHash
                        OR appointment_code IN (SELECT code FROM appointments WHERE hall_id = @hallId AND {PersonsAppointment}))
                        AND (id_hash IS NOT NULL OR id_masked IS NOT NULL)
                    """,
                    args, scope.Transaction);
            }
            var appointments = await scope.Connection.ExecuteAsync(
                $"UPDATE appointments SET {ErasedAppointment} WHERE hall_id = @hallId AND {PersonsAppointment} AND {AppointmentHoldsData}", args, scope.Transaction);
            // The messages first: they are found through the consents' phone hashes.
            var (phoneHash, idHash) = TextReminderKeys(person);
            var texts = await SmsOutboxTable.ErasePersonAsync(scope, catalog.HallId, phoneHash, idHash)
                + await SmsConsentsTable.ErasePersonAsync(scope, catalog.HallId, phoneHash, idHash);
            erased = new ErasedPersonalData(tickets, appointments, 0, texts);
            await EventLog.AppendAsync(scope, catalog.HallId, ErasedEventKind, now, catalog.HallDate(now).ToKey(), new Actor("admin:" + administrator),
                detail: $"tickets={tickets} appointments={appointments}" + (texts > 0 ? $" textMessages={texts}" : ""));
            await scope.CommitAsync(cancellationToken);
        }
        await database.TruncateWriteAheadLogAsync(cancellationToken);
        return erased;
    }

    /// <summary>What the hall holds about one person, as the administrator sees it before erasing (masked only).</summary>
    public async Task<PersonalDataFound> FindAsync(PersonSought person, CancellationToken cancellationToken)
    {
        var args = Arguments(hall.Current.HallId, person);
        await using var connection = await database.OpenAsync(cancellationToken);
        var tickets = await CountTicketsAsync(connection, args);
        var appointments = (await connection.QueryAsync<FoundAppointment>(
            $"SELECT code, service_id AS ServiceId, hall_date AS HallDate, id_masked AS IdMasked FROM appointments WHERE hall_id = @hallId AND {PersonsAppointment} ORDER BY hall_date",
            args)).ToList();
        return new PersonalDataFound(tickets, appointments);
    }

    private static async Task<int> CountTicketsAsync(DbConnection connection, object args)
    {
        var count = 0;
        foreach (var table in TicketTables)
        {
            count += await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {table} WHERE hall_id = @hallId AND id_hash = @idHash", args);
        }
        return count;
    }

    private object Arguments(string hallId, PersonSought person) => new
    {
        hallId,
        idHash = person.IdNumber is { Length: > 0 } id ? secrets.ProtectIdNumber(id).Hash : null,
        phone = person.Phone is { Length: > 0 } phone ? PhoneNumbers.Normalize(phone) : null,
        booked = (int)AppointmentStatus.Booked,
    };

    /// <summary>How the text reminder's rows of a person are found: the phone's keyed hash, the ID number's.</summary>
    private (string? PhoneHash, string? IdHash) TextReminderKeys(PersonSought person) => (
        person.Phone is { Length: > 0 } phone ? ConsentedPhone.HashOf(PhoneNumbers.Normalize(phone), secrets) : null,
        person.IdNumber is { Length: > 0 } id ? secrets.ProtectIdNumber(id).Hash : null);

    private static readonly string[] TicketTables = ["tickets", "tickets_archive"];

    private const string AppointmentHoldsData = "(name <> '' OR (phone <> code AND phone <> '') OR id_hash IS NOT NULL OR id_masked IS NOT NULL)";
    private const string PersonsAppointment = "(id_hash = @idHash OR phone = @phone)";
}

/// <summary>The person an administrator looks for: an ID number, a phone number, or both.</summary>
public sealed record PersonSought(string? IdNumber, string? Phone);

/// <summary>One appointment of the person sought.</summary>
public sealed class FoundAppointment
{
    public required string Code { get; init; }
    public long ServiceId { get; init; }
    public required string HallDate { get; init; }
    public string? IdMasked { get; init; }
}

/// <summary>How many tickets carry the person's ID number, and their appointments.</summary>
public sealed record PersonalDataFound(int Tickets, IReadOnlyList<FoundAppointment> Appointments);
