namespace Hall.QueueService.Security.Authentication;

/// <summary>
/// Why a presented credential failed, kept on the request so the authorization refusal can say it (401 with
/// <c>invalidToken</c> rather than <c>tokenRequired</c>, for example).
/// </summary>
public static class AuthenticationFailures
{
    private const string Key = "hall.authFailures";

    /// <summary>A bearer token (clerk or supervisor) was presented and is not valid.</summary>
    public const string Token = "token";

    /// <summary>Administrator credentials were presented and are wrong.</summary>
    public const string Admin = "admin";

    /// <summary>A device key was presented and is unknown or revoked.</summary>
    public const string DeviceKey = "deviceKey";

    /// <summary>A hall's uplink key was presented to a city server and is unknown or revoked.</summary>
    public const string HallKey = "hallKey";

    public static void Record(HttpContext http, string code)
    {
        if (http.Items[Key] is not HashSet<string> codes)
        {
            http.Items[Key] = codes = new HashSet<string>(StringComparer.Ordinal);
        }
        codes.Add(code);
    }

    public static bool Has(HttpContext http, string code) => http.Items[Key] is HashSet<string> codes && codes.Contains(code);
}
