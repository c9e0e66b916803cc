using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Queue;

/// <summary>The spoken call text from the hall's template, e.g. 请A001号到1号窗口办理.</summary>
public static class Announcements
{
    public static string Chinese(HallCatalog catalog, string number, int window) => Fill(catalog.Definition.AnnouncementTemplate, number, window);

    public static string English(HallCatalog catalog, string number, int window) => Fill(catalog.Definition.AnnouncementTemplateEn, number, window);

    private static string Fill(string template, string number, int window) => template
        .Replace("{number}", number, StringComparison.Ordinal)
        .Replace("{window}", window.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
