using System.Globalization;

namespace Hall.QueueService.Tests.Abuse;

/// <summary>Made-up resident ID numbers that pass the GB 11643 checksum, as a scalper would type them.</summary>
public static class IdNumberMaker
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string Make(int i)
    {
        var body = "11010519800101" + (100 + i).ToString("000", CultureInfo.InvariantCulture);
        var sum = body.Select((c, k) => (c - '0') * Weights[k]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
