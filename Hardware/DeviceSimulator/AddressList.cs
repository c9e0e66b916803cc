using System.Diagnostics.CodeAnalysis;

namespace Hall.DeviceSimulator;

/// <summary>Parses <c>1-6</c>, <c>1,3,5</c>, <c>1-3,7</c> into bus addresses (1–247).</summary>
internal static class AddressList
{
    public static bool TryParse(string text, [NotNullWhen(true)] out IReadOnlyList<int>? addresses, out string problem)
    {
        addresses = null;
        var result = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2 || !int.TryParse(bounds[0], out var first) ||
                !int.TryParse(bounds[^1], out var last) || first > last)
            {
                problem = $"'{part}' is not an address or a range like 1-6.";
                return false;
            }
            if (first < 1 || last > 247)
            {
                problem = "addresses are 1 to 247.";
                return false;
            }
            result.AddRange(Enumerable.Range(first, last - first + 1));
        }
        addresses = result.Distinct().ToList();
        problem = "";
        return true;
    }
}
