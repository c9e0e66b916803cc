using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Notify;

/// <summary>The SQL of <c>sms_consents</c>: the phone a citizen left, with consent, for one ticket.</summary>
public static class SmsConsentsTable
{
    public static Task SaveAsync(WriteScope scope, TicketRow ticket, ConsentedPhone phone, long at) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO sms_consents (ticket_id, hall_id, hall_date, phone, phone_masked, phone_hash, consented_at)
            VALUES (@ticketId, @hallId, @hallDate, @phone, @masked, @hash, @at)
            """,
            new { ticketId = ticket.Id, hallId = ticket.HallId, hallDate = ticket.HallDate, phone = phone.Number, masked = phone.Masked, hash = phone.Hash, at },
            scope.Transaction);

    /// <summary>Waiting tickets of the day whose citizen still waits for the "near" message.</summary>
    public static async Task<IReadOnlyList<TicketRow>> AwaitingNearAsync(WriteScope scope, string hallId, string hallDate) =>
        (await scope.Connection.QueryAsync<TicketRow>(
            """
            SELECT t.* FROM sms_consents c JOIN tickets t ON t.id = c.ticket_id
            WHERE c.hall_id = @hallId AND c.hall_date = @hallDate AND c.phone IS NOT NULL AND t.status = @waiting
              AND NOT EXISTS (SELECT 1 FROM sms_outbox o WHERE o.ticket_id = c.ticket_id AND o.kind = @near)
            """,
            new { hallId, hallDate, waiting = (int)TicketStatus.Waiting, near = SmsKinds.Near }, scope.Transaction)).ToList();

    public static Task<ConsentRow?> FindAsync(WriteScope scope, string ticketId) =>
        scope.Connection.QuerySingleOrDefaultAsync<ConsentRow>(
            "SELECT phone, phone_masked AS PhoneMasked FROM sms_consents WHERE ticket_id = @ticketId AND phone IS NOT NULL",
            new { ticketId }, scope.Transaction);

    /// <summary>After the ticket's last message is queued the clear number is no longer needed here.</summary>
    public static Task ForgetNumberAsync(WriteScope scope, string ticketId) =>
        scope.Connection.ExecuteAsync("UPDATE sms_consents SET phone = NULL WHERE ticket_id = @ticketId", new { ticketId }, scope.Transaction);

    /// <summary>The masked phone of a ticket, for views; null without consent or once erased.</summary>
    public static Task<string?> MaskedAsync(System.Data.Common.DbConnection connection, string ticketId) =>
        connection.QuerySingleOrDefaultAsync<string?>("SELECT phone_masked FROM sms_consents WHERE ticket_id = @ticketId", new { ticketId });

    /// <summary>Erases everything of consents before a hall date (retention).</summary>
    public static Task<int> EraseBeforeAsync(WriteScope scope, string hallId, string before) =>
        scope.Connection.ExecuteAsync(
            """
            UPDATE sms_consents SET phone = NULL, phone_masked = NULL, phone_hash = NULL
            WHERE hall_id = @hallId AND hall_date < @before AND (phone IS NOT NULL OR phone_masked IS NOT NULL OR phone_hash IS NOT NULL)
            """,
            new { hallId, before }, scope.Transaction);

    /// <summary>Erases one person's consents, found by the phone's keyed hash or the tickets of their ID number.</summary>
    public static Task<int> ErasePersonAsync(WriteScope scope, string hallId, string? phoneHash, string? idHash) =>
        scope.Connection.ExecuteAsync(
            """
            UPDATE sms_consents SET phone = NULL, phone_masked = NULL, phone_hash = NULL
            WHERE hall_id = @hallId AND (phone IS NOT NULL OR phone_masked IS NOT NULL OR phone_hash IS NOT NULL)
              AND (phone_hash = @phoneHash OR ticket_id IN (SELECT id FROM tickets WHERE hall_id = @hallId AND id_hash = @idHash))
            """,
            new { hallId, phoneHash, idHash }, scope.Transaction);
}

public sealed class ConsentRow
{
    public required string Phone { get; init; }
    public required string PhoneMasked { get; init; }
}
