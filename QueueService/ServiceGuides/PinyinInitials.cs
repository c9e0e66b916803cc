using System.Text;

namespace Hall.QueueService.ServiceGuides;

/// <summary>
/// The pinyin initials of a Chinese name (企业开办 → QYKB), for the kiosk's search by initials. The 3 755 common
/// characters of GB 2312 (level 1, rows 16–55) are ordered by pinyin, so the first letter follows from a character's
/// code; letters and digits pass through; rarer characters (level 2, ordered by radical) have none. A hall file may
/// give a service's initials itself where a reading differs (多音字).
/// </summary>
public static class PinyinInitials
{
    // The first GB 2312 code of each initial; I, U and V start no syllable.
    private static readonly (int Code, char Letter)[] Starts =
    [
        (0xB0A1, 'A'), (0xB0C5, 'B'), (0xB2C1, 'C'), (0xB4EE, 'D'), (0xB6EA, 'E'), (0xB7A2, 'F'), (0xB8C1, 'G'), (0xB9FE, 'H'),
        (0xBBF7, 'J'), (0xBFA6, 'K'), (0xC0AC, 'L'), (0xC2E8, 'M'), (0xC4C3, 'N'), (0xC5B6, 'O'), (0xC5BE, 'P'), (0xC6DA, 'Q'),
        (0xC8BB, 'R'), (0xC8F6, 'S'), (0xCBFA, 'T'), (0xCDDA, 'W'), (0xCEF4, 'X'), (0xD1B9, 'Y'), (0xD4D1, 'Z'),
    ];

    private const int LevelOneEnd = 0xD7F9;

    private static readonly Encoding Gb2312 = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    public static string Of(string text)
    {
        var initials = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        Span<char> chars = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                if (Rune.IsLetterOrDigit(rune))
                {
                    initials.Append(char.ToUpperInvariant((char)rune.Value));
                }
                continue;
            }
            var length = rune.EncodeToUtf16(chars);
            if (Gb2312.GetBytes(chars[..length], bytes) == 2 && Initial((bytes[0] << 8) | bytes[1]) is { } letter)
            {
                initials.Append(letter);
            }
        }
        return initials.ToString();
    }

    private static char? Initial(int code)
    {
        if (code < Starts[0].Code || code >= LevelOneEnd)
        {
            return null;
        }
        var letter = Starts[0].Letter;
        foreach (var (start, next) in Starts)
        {
            if (code < start)
            {
                break;
            }
            letter = next;
        }
        return letter;
    }
}
