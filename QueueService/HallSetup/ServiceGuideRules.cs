using Hall.Contracts.Api;

namespace Hall.QueueService.HallSetup;

/// <summary>
/// What a service guide and the hall's phones must be: bounded texts (they are printed on 80 mm paper and shown in
/// large type), working days that make sense (承诺时限 within 法定时限), and download addresses that are either a
/// path on the hall server or https.
/// </summary>
public static class ServiceGuideRules
{
    public const int MaxText = 2000;
    public const int MaxShort = 200;
    public const int MaxPhone = 40;
    public const int MaxDays = 365;
    /// <summary>A clerk's 职务 on the window sign.</summary>
    public const int MaxTitle = 20;

    public static void Check(ServiceGuide guide, string field, List<string> errors)
    {
        void Check(bool ok, string name, string message)
        {
            if (!ok)
            {
                errors.Add($"{field}.{name}: {message}");
            }
        }

        Check(Fits(guide.Basis, MaxText), "basis", $"must be at most {MaxText} characters");
        Check(Fits(guide.Conditions, MaxText), "conditions", $"must be at most {MaxText} characters");
        Check(Fits(guide.Procedure, MaxText), "procedure", $"must be at most {MaxText} characters");
        Check(Fits(guide.Fees, MaxShort), "fees", $"must be at most {MaxShort} characters");
        Check(Fits(guide.Location, MaxShort), "location", $"must be at most {MaxShort} characters");
        Check(Fits(guide.Phone, MaxPhone), "phone", $"must be at most {MaxPhone} characters");
        Check(guide.StatutoryDays is null or (>= 0 and <= MaxDays), "statutoryDays", $"must be between 0 and {MaxDays} working days");
        Check(guide.PromisedDays is null or (>= 0 and <= MaxDays), "promisedDays", $"must be between 0 and {MaxDays} working days");
        Check(guide is not { StatutoryDays: { } statutory, PromisedDays: { } promised } || promised <= statutory, "promisedDays",
            "must not be longer than statutoryDays (承诺时限 is within 法定时限)");
        Check(guide.OnlineUrl is null || IsHttps(guide.OnlineUrl), "onlineUrl", "must be an https:// address");
        for (var i = 0; i < guide.Materials.Count; i++)
        {
            var m = guide.Materials[i];
            Check(!string.IsNullOrWhiteSpace(m.Name) && m.Name.Length <= MaxShort, $"materials[{i}].name", $"is required, at most {MaxShort} characters");
            Check(m.Copies is >= 1 and <= 99, $"materials[{i}].copies", "must be between 1 and 99");
            Check(Fits(m.Note, MaxShort), $"materials[{i}].note", $"must be at most {MaxShort} characters");
        }
        for (var i = 0; i < guide.Forms.Count; i++)
        {
            var form = guide.Forms[i];
            Check(!string.IsNullOrWhiteSpace(form.Name) && form.Name.Length <= MaxShort, $"forms[{i}].name", $"is required, at most {MaxShort} characters");
            Check(IsHttps(form.Url) || IsServerPath(form.Url), $"forms[{i}].url", "must be a path on the hall server (/forms/…) or an https:// address");
        }
    }

    public static void CheckContacts(HallContacts contacts, List<string> errors)
    {
        if (!Fits(contacts.ComplaintPhone, MaxPhone))
        {
            errors.Add($"contacts.complaintPhone: must be at most {MaxPhone} characters");
        }
        if (!Fits(contacts.SupervisionPhone, MaxPhone))
        {
            errors.Add($"contacts.supervisionPhone: must be at most {MaxPhone} characters");
        }
    }

    private static bool Fits(string? text, int max) => text is null || text.Length <= max;

    public static bool IsHttps(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && url!.Length <= 500;

    public static bool IsServerPath(string? url) =>
        url is { Length: > 1 and <= 500 } && url[0] == '/' && url[1] != '/' && !url.Contains("..", StringComparison.Ordinal)
        && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
