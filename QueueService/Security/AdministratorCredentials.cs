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

    /// <summary>Checks presented credentials with the lock-out: false on a wrong password (counted), 429 while locked.</summary>
    public static async Task<bool> CheckAsync(AdminOptions options, LoginThrottle throttle, string user, string password, CancellationToken cancellationToken)
    {
        await throttle.EnsureNotLockedAsync(LockSubject, cancellationToken);
        if (!Matches(options, user, password))
        {
            await throttle.FailedAsync(LockSubject, cancellationToken);
            return false;
        }
        await throttle.SucceededAsync(LockSubject, cancellationToken);
        return true;
    }
}
