using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hall.QueueService.HallSetup;

/// <summary>Reads, checks and normalises hall files (plain PINs become salted hashes).</summary>
public static class HallFileLoader
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter<DayOfWeek>(JsonNamingPolicy.CamelCase) },
    };

    public static HallDefinition LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new HallFileException($"Queue:HallFile: the hall file '{path}' does not exist");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>The demo hall shipped with the server (a county 政务服务中心), see README.</summary>
    public static HallDefinition LoadDemoHall()
    {
        using var stream = typeof(HallFileLoader).Assembly.GetManifestResourceStream("Hall.QueueService.HallSetup.DemoHall.json")
            ?? throw new InvalidOperationException("The demo hall resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "demo hall");
    }

    public static HallDefinition Parse(string json, string source)
    {
        HallDefinition? hall;
        try
        {
            hall = JsonSerializer.Deserialize<HallDefinition>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) ? "(file)" : e.Path.TrimStart('$', '.');
            throw new HallFileException($"Hall file {source}: {field}: {FirstSentence(e.Message)}");
        }
        if (hall is null)
        {
            throw new HallFileException($"Hall file {source}: the file is empty");
        }
        var errors = HallDefinitionValidator.Validate(hall);
        if (errors.Count > 0)
        {
            throw new HallFileException($"Hall file {source} is invalid:\n  " + string.Join("\n  ", errors));
        }
        return WithHashedPins(hall);
    }

    public static string Serialize(HallDefinition hall) => JsonSerializer.Serialize(hall, JsonOptions);

    /// <summary>The definition as administrators may see it: no PINs, no PIN hashes, no device keys.</summary>
    public static HallDefinition WithoutSecrets(HallDefinition hall) =>
        hall with
        {
            Clerks = hall.Clerks.Select(c => c with { Pin = null, PinHash = null, MustChangePin = false }).ToList(),
            Devices = hall.Devices.Select(d => d with { Key = null }).ToList(),
        };

    private static HallDefinition WithHashedPins(HallDefinition hall) =>
        hall with
        {
            Clerks = hall.Clerks
                .Select(c => c.Pin is null ? c : c with { PinHash = PinHasher.Hash(c.Pin), Pin = null })
                .ToList(),
        };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
