using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Security;

/// <summary>The administrator's HTTP Basic credentials: reading the header and checking it against <see cref="AdminOptions"/>.</summary>
public static class AdministratorCredentials
{
    public const string LockSubject = "admin";

    public static bool TryRead(HttpRequest request, out string user, out string password)
    {
        user = password = "";
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var value)
            || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }
        (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }

    public static bool Matches(AdminOptions o, string user, string password)
    {
        var userMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user), Encoding.UTF8.GetBytes(o.User));
        var passwordMatches = o.PasswordHash is { } hash
            ? PinHasher.Verify(password, hash)
            : CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(o.Password ?? AdminOptions.DemoPassword));
        return userMatches && passwordMatches;
    }

    /// <summary>
    /// The administration page's login: the attempt is counted before the password is checked (one atomic statement),
    /// so of any number of parallel wrong passwords from one address at most <see cref="AdminOptions.MaxFailedLogins"/>
    /// are checked. False on a wrong user name or password; 429 while locked.
    /// </summary>
    public static async Task<bool> LogInAsync(HttpContext http, string user, string password)
    {
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdminOptions>>().Value;
        var throttle = http.RequestServices.GetRequiredService<LoginThrottle>();
        var subject = Subject(http);
        await throttle.CountAttemptAsync(subject, http.RequestAborted);
        if (!Matches(options, user, password))
        {
            await throttle.FailedAsync(subject, http.RequestAborted);
            return false;
        }
        await throttle.SucceededAsync(subject, http.RequestAborted);
        return true;
    }

    /// <summary>
    /// Checks presented credentials with the lock-out: false on a wrong password (counted), 429 while locked. Counted
    /// per client address, so a stranger's wrong passwords lock the stranger out, not the administrator.
    /// </summary>
    public static async Task<bool> CheckAsync(HttpContext http, string user, string password)
    {
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdminOptions>>().Value;
        var throttle = http.RequestServices.GetRequiredService<LoginThrottle>();
        var subject = Subject(http);
        var cancellationToken = http.RequestAborted;
        await throttle.EnsureNotLockedAsync(subject, cancellationToken);
        if (!Matches(options, user, password))
        {
            await throttle.CountFailureAsync(subject, cancellationToken);
            return false;
        }
        await throttle.SucceededAsync(subject, cancellationToken);
        return true;
    }

    private static string Subject(HttpContext http) => LockSubject + "@" + (http.Connection.RemoteIpAddress?.ToString() ?? "local");
}
