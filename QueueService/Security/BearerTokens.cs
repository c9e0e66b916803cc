using System.Security.Cryptography;
using System.Text;

namespace Hall.QueueService.Security;

/// <summary>
/// Login tokens (windows, supervisors) and the random part of device keys: 256 random bits, URL-safe; stored only as
/// their SHA-256 (enough for random secrets, and cheap on every request).
/// </summary>
public static class BearerTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
