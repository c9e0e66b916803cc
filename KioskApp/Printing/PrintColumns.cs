using System.Globalization;
using System.Text;

namespace Hall.KioskApp.Printing;

/// <summary>
/// Line breaking for an 80 mm printer in font A: 48 columns; a Chinese character takes two, an ASCII one.
/// </summary>
public static class PrintColumns
{
    public const int LineWidth = 48;

    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value < 0x80 ? 1 : 2;
        }
        return width;
    }

    /// <summary>Breaks text into lines of at most <paramref name="width"/> columns, continuation lines indented.</summary>
    public static IReadOnlyList<string> Wrap(string text, int width = LineWidth, string indent = "")
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0;
        foreach (var element in EnumerateTextElements(text))
        {
            var elementWidth = Width(element);
            if (lineWidth + elementWidth > width && line.Length > 0)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear().Append(indent);
                lineWidth = Width(indent);
                if (element == " ")
                {
                    continue;
                }
            }
            line.Append(element);
            lineWidth += elementWidth;
        }
        if (line.Length > 0)
        {
            lines.Add(line.ToString().TrimEnd());
        }
        return lines;
    }

    private static IEnumerable<string> EnumerateTextElements(string text)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }
}
