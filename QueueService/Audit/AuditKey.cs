using System.Security.Cryptography;
using Hall.QueueService.Security;

namespace Hall.QueueService.Audit;

/// <summary>
/// The secret that keys the event chain's HMAC, kept outside the database (and its backups) so that whoever can write
/// the database cannot write a row that fits the chain. <c>Audit:KeyFile</c> names a file of at least 32 random bytes;
/// without it the key is <c>audit.key</c> in <c>Queue:DataDirectory</c>, next to the database file, made on first
/// start. Instances sharing one PostgreSQL database must be given the same file.
/// </summary>
public sealed class AuditKey
{
    public const string Setting = "Audit:KeyFile";
    public const string DefaultFileName = "audit.key";

    private readonly byte[] _key;

    private AuditKey(byte[] key, string path)
    {
        _key = key;
        Path = path;
    }

    /// <summary>Where the key was read from.</summary>
    public string Path { get; }

    /// <summary>Reads the configured key file, or the data directory's (made when missing); a bad file stops start-up naming the setting.</summary>
    public static AuditKey Load(IConfiguration configuration)
    {
        var path = PathOf(configuration);
        return new AuditKey(SecretKeyFile.LoadOrCreate(Setting, configuration[Setting], DataDirectory(configuration), DefaultFileName), path);
    }

    /// <summary>The key an auditor verifies with: the configured file, else the data directory's; never made afresh.</summary>
    public static AuditKey LoadExisting(IConfiguration configuration)
    {
        var path = PathOf(configuration);
        return File.Exists(path)
            ? new AuditKey(SecretKeyFile.Read(Setting, path), path)
            : throw new InvalidOperationException($"{Setting}: the key file {path} does not exist; name the hall's key file with --{Setting}=FILE.");
    }

    /// <summary>HMAC-SHA256 of <paramref name="message"/> under the key, as lower-case hex.</summary>
    public string Sign(ReadOnlySpan<byte> message) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, message));

    private static string PathOf(IConfiguration configuration) =>
        SecretKeyFile.PathOf(configuration[Setting], DataDirectory(configuration), DefaultFileName);

    private static string DataDirectory(IConfiguration configuration) =>
        configuration["Queue:DataDirectory"] is { Length: > 0 } d ? d : "data";
}
