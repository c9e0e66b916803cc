using Microsoft.Extensions.Options;

namespace Hall.QueueService.ServiceGuides;

/// <summary>
/// The sample forms a hall ships: only plain file names (Chinese allowed) of office, PDF and image types, found
/// directly in the forms folder, so no request can reach another file of the server.
/// </summary>
public sealed class SampleForms(IOptions<SampleFormsOptions> options)
{
    public const int MaxNameLength = 120;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".wps"] = "application/vnd.ms-works",
        [".et"] = "application/vnd.ms-excel",
        [".jpg"] = "image/jpeg",
        [".png"] = "image/png",
        [".txt"] = "text/plain; charset=utf-8",
    };

    public sealed record Form(string Name, string Path, string ContentType, long Bytes);

    /// <summary>The form of that name, or null when the name is not a plain allowed file name or no such file exists.</summary>
    public Form? Find(string name)
    {
        if (!IsSafeName(name) || !ContentTypes.TryGetValue(System.IO.Path.GetExtension(name), out var contentType))
        {
            return null;
        }
        var path = System.IO.Path.Combine(options.Value.ResolvedDirectory, name);
        var file = new FileInfo(path);
        return file.Exists ? new Form(name, file.FullName, contentType, file.Length) : null;
    }

    /// <summary>Every servable form in the folder, by name.</summary>
    public IReadOnlyList<Form> List()
    {
        var directory = options.Value.ResolvedDirectory;
        if (!Directory.Exists(directory))
        {
            return [];
        }
        return Directory.EnumerateFiles(directory)
            .Select(System.IO.Path.GetFileName)
            .Select(name => name is null ? null : Find(name))
            .OfType<Form>()
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A plain name: no folders, no leading dot, no control or reserved characters.</summary>
    public static bool IsSafeName(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && name[0] != '.'
        && name.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) < 0
        && !name.Any(c => char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
        && name.Trim() == name;
}
