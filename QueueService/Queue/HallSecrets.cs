using System.Security.Cryptography;
using Dapper;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>Per-installation secret keys kept in the database (for hashing ID numbers), created on first start.</summary>
public sealed class HallSecrets
{
    private byte[]? _idNumberKey;

    public byte[] IdNumberKey => _idNumberKey ?? throw new InvalidOperationException("Secrets are not loaded yet.");

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
