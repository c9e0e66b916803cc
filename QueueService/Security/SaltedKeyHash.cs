using System.Security.Cryptography;
using System.Text;

namespace Hall.QueueService.Security;

/// <summary>
/// How issued keys (device keys, halls' uplink keys) are stored: a salted SHA-256 of the whole key. Their secrets have
/// 256 random bits, so a slow hash would add nothing but latency on every request.
/// </summary>
public static class SaltedKeyHash
{
    private const string Scheme = "sha256";

    public static string Hash(string key)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Scheme}${Convert.ToBase64String(salt)}${Convert.ToBase64String(Digest(salt, key))}";
    }

    public static bool Matches(string key, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 3 || parts[0] != Scheme)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Digest(Convert.FromBase64String(parts[1]), key), Convert.FromBase64String(parts[2]));
    }

    private static byte[] Digest(byte[] salt, string key) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(key)]);
}
