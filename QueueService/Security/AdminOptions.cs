using System.ComponentModel.DataAnnotations;
using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Security;

/// <summary>
/// Settings under <c>Admin:</c>: the administrator's user name and password (the administration page's login, or HTTP Basic from scripts, on <c>/api/admin/…</c>), and
/// how many wrong logins lock a subject for how long. Give <c>PasswordHash</c> (a <see cref="PinHasher"/> hash) in
/// production; <c>Password</c> in plain text is for the demo and tests.
/// </summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";

    /// <summary>The demo hall's administrator password, documented in the README; a warning is logged while it is used.</summary>
    public const string DemoPassword = "hall-admin-2026";

    public string User { get; set; } = "admin";

    public string? Password { get; set; }

    public string? PasswordHash { get; set; }

    /// <summary>Wrong logins in a row (administrator or clerk) before the subject is locked.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long a login on the administration page lasts (a working day by default).</summary>
    public int SessionHours { get; set; } = 8;

    public bool UsesDemoPassword => Password is null && PasswordHash is null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(User))
        {
            yield return new ValidationResult("Admin:User must not be empty.", [nameof(User)]);
        }
        if (Password is not null && Password.Length < 8)
        {
            yield return new ValidationResult("Admin:Password must have at least 8 characters.", [nameof(Password)]);
        }
        if (PasswordHash is not null && !PinHasher.IsHash(PasswordHash))
        {
            yield return new ValidationResult("Admin:PasswordHash must be a pbkdf2-sha256$iterations$salt$hash value.", [nameof(PasswordHash)]);
        }
        if (MaxFailedLogins is < 1 or > 100)
        {
            yield return new ValidationResult("Admin:MaxFailedLogins must be between 1 and 100.", [nameof(MaxFailedLogins)]);
        }
        if (LockoutMinutes is < 1 or > 1440)
        {
            yield return new ValidationResult("Admin:LockoutMinutes must be between 1 and 1440.", [nameof(LockoutMinutes)]);
        }
        if (SessionHours is < 1 or > 24)
        {
            yield return new ValidationResult("Admin:SessionHours must be between 1 and 24.", [nameof(SessionHours)]);
        }
    }
}
