using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Ratings.Upload;

/// <summary>Settings under <c>Ratings:</c> for the upload to the provincial 好差评 platform.</summary>
public sealed class RatingsUploadOptions
{
    public const string Section = "Ratings";
    public const string UploadUrlSetting = "Ratings:UploadUrl";

    /// <summary>Where each rating and rectification is POSTed as JSON; nothing is sent while it is empty.</summary>
    public string? UploadUrl { get; set; }

    /// <summary>How often the outbox is read for due records (a rating on this instance also wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Ratings:UploadPollInterval must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan UploadPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after a first failed try; it doubles with each further failure up to <see cref="UploadMaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Ratings:UploadRetryDelay must be between 00:00:00.050 and 01:00:00.")]
    public TimeSpan UploadRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00", ErrorMessage = "Ratings:UploadMaxRetryDelay must be between 00:00:00.050 and 1.00:00:00.")]
    public TimeSpan UploadMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one POST may take; a record being sent is held (leased) for twice this, then any instance may try it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Ratings:UploadTimeout must be between 00:00:00.100 and 00:05:00.")]
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan Lease => UploadTimeout * 2;

    public bool Uploads => !string.IsNullOrWhiteSpace(UploadUrl);

    /// <summary>What is wrong with <see cref="UploadUrl"/>, naming the setting; null when it is fine (or empty).</summary>
    public static string? Problem(RatingsUploadOptions options) =>
        !options.Uploads || (Uri.TryCreate(options.UploadUrl!.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            ? null
            : $"{UploadUrlSetting} must be an absolute http(s) address, not '{options.UploadUrl}'.";

    /// <summary>The wait after the try numbered <paramref name="triesBefore"/> + 1 failed: doubling, capped.</summary>
    public TimeSpan RetryDelay(int triesBefore) => Storage.RetryBackoff.After(triesBefore, UploadRetryDelay, UploadMaxRetryDelay);
}
