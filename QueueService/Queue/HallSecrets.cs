using System.Security.Cryptography;
using Dapper;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>Per-installation secret keys kept in the database (for hashing ID numbers), created on first start.</summary>
public sealed class HallSecrets
{
    private byte[]? _idNumberKey;

    public byte[] IdNumberKey => _idNumberKey ?? throw new InvalidOperationException("Secrets are not loaded yet.");

    /// <summary>
    /// An optional ID number as the system keeps it: checked (400 when wrong), then only its keyed hash (to recognise
    /// the same citizen) and its masked form (last four characters, for print and display). Both null when none given.
    /// </summary>
    public (string? Hash, string? Masked) ProtectIdNumber(string? rawIdNumber)
    {
        if (string.IsNullOrWhiteSpace(rawIdNumber))
        {
            return (null, null);
        }
        var id = IdNumbers.Normalize(rawIdNumber);
        if (!IdNumbers.IsValid(id))
        {
            throw QueueRuleException.BadRequest("invalidIdNumber", "身份证号码有误，请核对后重新输入。The ID number is not valid.");
        }
        return (IdNumbers.Hash(id, IdNumberKey), IdNumbers.Mask(id));
    }

    public async Task LoadAsync(QueueDatabase database, string hallId, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await scope.Connection.ExecuteAsync(
            "INSERT INTO settings (hall_id, name, value) VALUES (@hallId, 'idNumberKey', @value) ON CONFLICT (hall_id, name) DO NOTHING",
            new { hallId, value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            scope.Transaction);
        var value = await scope.Connection.ExecuteScalarAsync<string>(
            "SELECT value FROM settings WHERE hall_id = @hallId AND name = 'idNumberKey'", new { hallId }, scope.Transaction);
        await scope.CommitAsync(cancellationToken);
        _idNumberKey = Convert.FromBase64String(value!);
    }
}
