using System.Globalization;
using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Notify;

/// <summary>The text of each message, from the templates in <see cref="SmsOptions"/>.</summary>
public static class SmsTexts
{
    public static string Near(SmsOptions options, HallCatalog catalog, string number, int ahead) =>
        Fill(options.NearTemplate, catalog, number, ("{ahead}", ahead.ToString(CultureInfo.InvariantCulture)));

    public static string Called(SmsOptions options, HallCatalog catalog, string number, int windowNumber) =>
        Fill(options.CalledTemplate, catalog, number, ("{window}", windowNumber.ToString(CultureInfo.InvariantCulture)));

    private static string Fill(string template, HallCatalog catalog, string number, (string Name, string Value) extra) =>
        template.Replace("{number}", number, StringComparison.Ordinal)
            .Replace("{hall}", catalog.Definition.Name, StringComparison.Ordinal)
            .Replace(extra.Name, extra.Value, StringComparison.Ordinal);
}
