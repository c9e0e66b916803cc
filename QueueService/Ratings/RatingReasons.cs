using System.Text.Json;
using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Ratings;

/// <summary>The reasons a rating carries: checked against the hall's options for the level, stored as a JSON list of codes.</summary>
public static class RatingReasons
{
    public static IReadOnlyList<RatingOption> OptionsOf(HallCatalog catalog, int level) =>
        catalog.Definition.RatingOptions.GetValueOrDefault(level) ?? [];

    /// <summary>Codes from the tablet or the phone: each one of the level's options, none twice (400 otherwise).</summary>
    public static IReadOnlyList<string> Check(HallCatalog catalog, int level, IReadOnlyList<string>? codes)
    {
        if (codes is null or { Count: 0 })
        {
            return [];
        }
        var options = OptionsOf(catalog, level);
        var known = options.Select(o => o.Code).ToHashSet(StringComparer.Ordinal);
        if (codes.Count > options.Count || codes.Any(c => c is null || !known.Contains(c)) || codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            throw QueueProblems.InvalidRatingReasons(level, options.Select(o => o.Code));
        }
        return codes;
    }

    /// <summary>Protocol 1.1 reason bytes: option numbers from 1 in the level's list; numbers the hall does not have are ignored.</summary>
    public static IReadOnlyList<string> FromNumbers(HallCatalog catalog, int level, IReadOnlyList<byte> numbers)
    {
        var options = OptionsOf(catalog, level);
        return numbers.Where(n => n >= 1 && n <= options.Count).Distinct().Select(n => options[n - 1].Code).ToList();
    }

    public static string? ToColumn(IReadOnlyList<string> codes) => codes.Count == 0 ? null : JsonSerializer.Serialize(codes);

    public static IReadOnlyList<string> FromColumn(string? column) =>
        string.IsNullOrEmpty(column) ? [] : JsonSerializer.Deserialize<List<string>>(column) ?? [];
}
