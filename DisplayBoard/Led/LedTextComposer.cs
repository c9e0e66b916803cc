using System.Text;
using Hall.Contracts.Api;
using Hall.Hardware.HallBus;
using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.Led;

/// <summary>
/// What a window's strip shows: a call ("A001" / "请到1号窗口"), or the window sign (工作牌) when idle — window name,
/// then unit, name, 职务 and staff number of the logged-in clerk — or the paused and closed texts.
/// Every line fits the hall bus limit of 64 GB18030 bytes.
/// </summary>
public sealed class LedTextComposer(IOptions<LedOptions> options)
{
    public const int MaxLineBytes = HallBusText.MaxTextBytes;

    private static readonly Encoding Gb18030 = HallBusText.Gb18030;

    public LedContent Call(string number, int windowNumber)
    {
        var where = $"请到{windowNumber}号窗口";
        return options.Value.Layout == LedLayout.OneLine
            ? Fit(new LedContent($"{number} {where}", ""))
            : Fit(new LedContent(number, where));
    }

    /// <summary>The steady content for a window's state, as a snapshot or a window change gives it.</summary>
    public LedContent ForWindow(WindowInfo window) => window.State switch
    {
        WindowState.Calling or WindowState.Serving when window.CurrentTicket is not null => Call(window.CurrentTicket.Number, window.Number),
        WindowState.Paused => Fit(new LedContent(window.Name, options.Value.PausedText)),
        WindowState.Closed => Fit(new LedContent(window.Name, options.Value.ClosedText)),
        _ => Fit(new LedContent(window.Name, Badge(window.Clerk))),
    };

    /// <summary>
    /// 工作牌: "市场监管局 张三 科员 工号1001". The 职务 is shown where it fits the line; it goes first when the line is
    /// too long, so that the staff number stays.
    /// </summary>
    public static string Badge(ClerkBadge? clerk)
    {
        if (clerk is null)
        {
            return "";
        }
        var staffNumber = "工号" + clerk.StaffCode;
        var full = Join(clerk.Unit, clerk.Name, clerk.Title, staffNumber);
        return Gb18030.GetByteCount(full) <= MaxLineBytes ? full : Join(clerk.Unit, clerk.Name, staffNumber);
    }

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static LedContent Fit(LedContent content) => new(FitLine(content.Line0), FitLine(content.Line1));

    /// <summary>Cuts a line to <see cref="MaxLineBytes"/> GB18030 bytes without splitting a character.</summary>
    public static string FitLine(string text)
    {
        if (Gb18030.GetByteCount(text) <= MaxLineBytes)
        {
            return text;
        }
        var builder = new StringBuilder();
        var bytes = 0;
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = Gb18030.GetByteCount(element);
            if (bytes + size > MaxLineBytes)
            {
                break;
            }
            builder.Append(element);
            bytes += size;
        }
        return builder.ToString();
    }
}
