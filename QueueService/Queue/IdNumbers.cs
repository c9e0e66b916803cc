using System.Security.Cryptography;
using System.Text;

namespace Hall.QueueService.Queue;

/// <summary>
/// Resident ID numbers (居民身份证号, GB 11643): checked, masked to the last four digits for display and print,
/// and kept only as a keyed hash so the same citizen can be recognised without storing the number.
/// </summary>
public static class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckDigits = "10X98765432";

    public static string Normalize(string idNumber) => idNumber.Trim().ToUpperInvariant();

    public static bool IsValid(string id)
    {
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * Weights[i];
        }
        return CheckDigits[sum % 11] == id[17];
    }

    /// <summary>Only the last four characters show: <c>**************1234</c>.</summary>
    public static string Mask(string id) => new string('*', Math.Max(0, id.Length - 4)) + id[^Math.Min(4, id.Length)..];

    public static string Hash(string id, byte[] key) => Convert.ToHexString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(id)));
}
