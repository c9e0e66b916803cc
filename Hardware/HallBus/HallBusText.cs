using System.Text;

namespace Hall.Hardware.HallBus;

/// <summary>Display text on the bus: GB18030, at most 64 bytes, cut on a character boundary.</summary>
public static class HallBusText
{
    public const int MaxTextBytes = 64;

    private static readonly Lazy<Encoding> Gb18030Encoding = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    public static Encoding Gb18030 => Gb18030Encoding.Value;

    /// <summary>
    /// Encodes <paramref name="text"/> and drops whole characters from the end until it fits, so a display never
    /// gets half of a two- or four-byte character.
    /// </summary>
    public static byte[] Encode(string text, int maxBytes = MaxTextBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoding = Gb18030;
        if (encoding.GetByteCount(text) <= maxBytes)
        {
            return encoding.GetBytes(text);
        }
        var result = new List<byte>(maxBytes);
        Span<byte> one = stackalloc byte[8];
        Span<char> chars = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            var count = encoding.GetBytes(chars[..rune.EncodeToUtf16(chars)], one);
            if (result.Count + count > maxBytes)
            {
                break;
            }
            foreach (var b in one[..count])
            {
                result.Add(b);
            }
        }
        return [.. result];
    }

    public static string Decode(ReadOnlySpan<byte> bytes) => Gb18030.GetString(bytes);
}
