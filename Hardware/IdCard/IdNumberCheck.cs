namespace Hall.Hardware.IdCard;

/// <summary>GB 11643 citizen ID numbers: 17 digits and a check character from the weighted sum mod 11.</summary>
public static class IdNumberCheck
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsValid(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length != 18 || id.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
        {
            return false;
        }
        return CheckCharacters[WeightedSum(id) % 11] == id[17];
    }

    /// <summary>The check character for the first 17 digits (for test cards).</summary>
    public static char CheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || first17.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("17 digits are needed.", nameof(first17));
        }
        return CheckCharacters[WeightedSum(first17) % 11];
    }

    private static int WeightedSum(string id)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * Weights[i];
        }
        return sum;
    }
}
