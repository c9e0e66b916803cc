using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Hall.QueueService.Privacy;
using Hall.QueueService.Security;
using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Queue;

/// <summary>
/// The key that hashes ID numbers (HMAC-SHA256), read from <c>Privacy:IdKeyFile</c>, a file outside the database and
/// its backups: a copy of the database alone cannot be used to test whether a given ID number is in it.
/// </summary>
public sealed class HallSecrets(IOptions<PrivacyOptions> privacy, IOptions<QueueStorageOptions> storage)
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
            throw QueueProblems.InvalidIdNumber();
        }
        return (IdNumbers.Hash(id, IdNumberKey), IdNumbers.Mask(id));
    }

    /// <summary>
    /// The tracking link's key (<c>/t/{id}?k=</c>): a keyed hash of the ticket id, so only the printed or sent link
    /// can rate the ticket from a phone. The hub never carries it; knowing a ticket id is not enough.
    /// </summary>
    public string TrackingKey(string ticketId) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(IdNumberKey, Encoding.UTF8.GetBytes("track:" + ticketId)).AsSpan(0, 12));

    public bool IsTrackingKey(string ticketId, string? key) =>
        key is { Length: > 0 and < 64 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(TrackingKey(ticketId)), Encoding.ASCII.GetBytes(key));

    public async Task LoadAsync(QueueDatabase database, string hallId, CancellationToken cancellationToken)
    {
        var configured = privacy.Value.IdKeyFile;
        var path = SecretKeyFile.PathOf(configured, storage.Value.DataDirectory, PrivacyOptions.DefaultIdKeyFileName);
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            // Until the key file existed the key was kept in the database (and so in every backup): move it out once,
            // so the hashes already stored still recognise their citizens, and delete it from the database.
            var legacy = await scope.Connection.ExecuteScalarAsync<string>(
                "SELECT value FROM settings WHERE hall_id = @hallId AND name = 'idNumberKey'", new { hallId }, scope.Transaction);
            if (legacy is not null)
            {
                if (!File.Exists(path))
                {
                    SecretKeyFile.Write(path, Convert.FromBase64String(legacy));
                }
                await scope.Connection.ExecuteAsync("DELETE FROM settings WHERE name = 'idNumberKey'", transaction: scope.Transaction);
            }
            await scope.CommitAsync(cancellationToken);
        }
        _idNumberKey = SecretKeyFile.LoadOrCreate(PrivacyOptions.IdKeyFileSetting, configured, storage.Value.DataDirectory, PrivacyOptions.DefaultIdKeyFileName);
    }
}
