using System.Text.Json;

namespace Hall.QueueService.HallSetup;

/// <summary>
/// A hall file sent by an administrator: read strictly (an unknown field is an error that names it) and completed
/// with the secrets the export leaves out, so exporting and importing the same file never loses a PIN.
/// </summary>
public static class HallImport
{
    /// <summary>Reads a JSON document in the hall file's shape (or one part of it); the error names the bad field.</summary>
    public static T Read<T>(string json, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, HallFileLoader.JsonOptions)
                ?? throw new HallFileException($"{what}: the document is empty");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "(document)" : e.Path.TrimStart('$', '.');
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            throw new HallFileException($"{field}: {(cut > 0 ? message[..cut] : message)}");
        }
    }

    /// <summary>
    /// Secrets for the new definition: a plain <c>pin</c> becomes its salted hash; a clerk with neither pin nor
    /// pinHash keeps the hash stored for the same staff code. (Where new kinds of secrets join the hall file, they
    /// are kept here the same way.)
    /// </summary>
    public static HallDefinition KeepStoredSecrets(HallDefinition incoming, HallDefinition stored)
    {
        var storedClerks = stored.Clerks.ToDictionary(c => c.StaffCode, StringComparer.Ordinal);
        return incoming with { Clerks = incoming.Clerks.Select(c => CompleteClerk(c, storedClerks.GetValueOrDefault(c.StaffCode))).ToList() };
    }

    public static ClerkDefinition CompleteClerk(ClerkDefinition clerk, ClerkDefinition? stored) => clerk switch
    {
        { Pin: { Length: >= 4 } pin } => clerk with { PinHash = PinHasher.Hash(pin), Pin = null },
        { Pin: null, PinHash: null } when stored?.PinHash is { } hash => clerk with { PinHash = hash, MustChangePin = stored.MustChangePin },
        // A too short pin stays for the validator to name.
        _ => clerk,
    };
}
