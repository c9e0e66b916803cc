using System.Text;
using System.Text.RegularExpressions;

namespace Hall.Hardware.Voice;

/// <summary>
/// Prepares a call for a speech synthesizer so that a ticket number is heard without doubt: "请A001号到12号窗口办理"
/// becomes "请 A 零 零 一 号到12号窗口办理" — the letters one by one, then the digits one by one as Chinese digit words,
/// while a window number ("12号窗口") stays a natural number (十二).
/// </summary>
public static partial class SpeechText
{
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static string Prepare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Ticket numbers: a letter prefix with digits, or digits with leading zeros (as printed on tickets).
        return TicketNumber().Replace(text, match => " " + Spell(match.Value) + " ");
    }

    /// <summary>"A001" → "A 零 零 一".</summary>
    public static string Spell(string ticketNumber)
    {
        var builder = new StringBuilder();
        foreach (var c in ticketNumber)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(c is >= '0' and <= '9' ? Digits[c - '0'] : char.ToUpperInvariant(c).ToString());
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:[A-Za-z]{1,3}[0-9]{1,6}|0[0-9]{1,5})(?![A-Za-z0-9])")]
    private static partial Regex TicketNumber();
}
