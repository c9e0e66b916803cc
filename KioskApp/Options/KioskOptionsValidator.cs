using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Options;

/// <summary>Checks the <c>Kiosk</c> settings at start-up; every message names the setting and says what is expected.</summary>
public sealed class KioskOptionsValidator : IValidateOptions<KioskOptions>
{
    public ValidateOptionsResult Validate(string? name, KioskOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServerUrl))
        {
            failures.Add("Kiosk:ServerUrl is required: the address of the hall server (QueueService), for example --Kiosk:ServerUrl=http://192.168.1.10:5000.");
        }
        else if (!Uri.TryCreate(options.ServerUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Kiosk:ServerUrl '{options.ServerUrl}' is not an http(s) address such as http://192.168.1.10:5000.");
        }
        if (string.IsNullOrWhiteSpace(options.DeviceId) || options.DeviceId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            failures.Add($"Kiosk:DeviceId '{options.DeviceId}' must be a name of letters, digits, '-', '_' or '.', for example kiosk-1.");
        }
        if (!string.IsNullOrEmpty(options.DeviceKey) && !options.DeviceKey.StartsWith(options.DeviceId + ".", StringComparison.Ordinal))
        {
            failures.Add($"Kiosk:DeviceKey must be the key issued for this kiosk: it starts with Kiosk:DeviceId and a dot ('{options.DeviceId}.…').");
        }
        if (options.IdleSeconds is < 10 or > 600)
        {
            failures.Add($"Kiosk:IdleSeconds {options.IdleSeconds} must be between 10 and 600.");
        }
        if (options.ServerTimeoutSeconds is < 1 or > 120)
        {
            failures.Add($"Kiosk:ServerTimeoutSeconds {options.ServerTimeoutSeconds} must be between 1 and 120.");
        }
        if (options.PrinterCheckSeconds is < 5 or > 3600)
        {
            failures.Add($"Kiosk:PrinterCheckSeconds {options.PrinterCheckSeconds} must be between 5 and 3600.");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
        {
            failures.Add($"Kiosk:TimeZone '{options.TimeZone}' is not a known time zone; use an IANA name such as Asia/Shanghai.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
