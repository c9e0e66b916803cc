using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Notify;

/// <summary>Settings under <c>Sms:</c>: the text-message provider and the outbox's pace.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";
    public const string ProviderSetting = "Sms:Provider";
    public const string UrlSetting = "Sms:Url";
    public const string LogProvider = "log";
    public const string HttpProvider = "http";

    /// <summary><c>log</c> (the default: a masked line in the log, nothing sent) or <c>http</c> (a POST to <see cref="Url"/>).</summary>
    public string Provider { get; set; } = LogProvider;

    /// <summary>Where <c>http</c> posts <c>{ phone, text }</c>; https in Production.</summary>
    public string? Url { get; set; }

    /// <summary>"Near" text; {number}, {ahead} and {hall} are filled in.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Sms:NearTemplate must not be empty.")]
    [MaxLength(300, ErrorMessage = "Sms:NearTemplate must be at most 300 characters.")]
    public string NearTemplate { get; set; } = "【{hall}】您的{number}号前面还有{ahead}人，请回到大厅留意叫号。";

    /// <summary>"Called" text; {number}, {window} and {hall} are filled in.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Sms:CalledTemplate must not be empty.")]
    [MaxLength(300, ErrorMessage = "Sms:CalledTemplate must be at most 300 characters.")]
    public string CalledTemplate { get; set; } = "【{hall}】请{number}号到{window}号窗口办理。";

    /// <summary>How often the outbox is read for due messages (a change on this instance also wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Sms:PollInterval must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait after a first failed try; it doubles with each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Sms:RetryDelay must be between 00:00:00.050 and 01:00:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00", ErrorMessage = "Sms:MaxRetryDelay must be between 00:00:00.050 and 1.00:00:00.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one POST may take; a row being sent is held (leased) for twice this, then any instance may try it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Sms:RequestTimeout must be between 00:00:00.100 and 00:05:00.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A message not sent within this time after it was written is given up: by then it no longer helps.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Sms:GiveUpAfter must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan Lease => RequestTimeout * 2;

    /// <summary>What is wrong with the provider settings, naming the setting; null when they are fine.</summary>
    public static string? Problem(SmsOptions options, bool production)
    {
        var provider = options.Provider?.Trim().ToLowerInvariant();
        if (provider is not (LogProvider or HttpProvider))
        {
            return $"{ProviderSetting} must be \"{LogProvider}\" or \"{HttpProvider}\".";
        }
        if (provider == HttpProvider)
        {
            if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                return $"{UrlSetting} must be an absolute http(s) address when {ProviderSetting}={HttpProvider}.";
            }
            if (production && url.Scheme != "https")
            {
                return $"{UrlSetting} must be https in Production (phone numbers travel in it).";
            }
        }
        return null;
    }

    public bool SendsHttp => string.Equals(Provider?.Trim(), HttpProvider, StringComparison.OrdinalIgnoreCase);
}
