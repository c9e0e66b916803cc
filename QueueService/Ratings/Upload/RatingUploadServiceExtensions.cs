using Hall.QueueService.Queue;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Ratings.Upload;

public static class RatingUploadServiceExtensions
{
    /// <summary>
    /// 好差评 upload: the settings (<c>Ratings:UploadUrl</c> checked on start), the HTTP client, the sender in the
    /// background and its wake-up when this instance records a rating.
    /// </summary>
    public static IServiceCollection AddRatingUpload(this IServiceCollection services)
    {
        services.AddOptions<RatingsUploadOptions>().BindConfiguration(RatingsUploadOptions.Section).ValidateDataAnnotations()
            .Validate(o => RatingsUploadOptions.Problem(o) is null, $"{RatingsUploadOptions.UploadUrlSetting} must be an absolute http(s) address.")
            .Validate(o => o.UploadMaxRetryDelay >= o.UploadRetryDelay, "Ratings:UploadMaxRetryDelay must not be shorter than Ratings:UploadRetryDelay.")
            .ValidateOnStart();
        services.AddHttpClient(RatingUploader.ClientName, (provider, http) =>
            http.Timeout = provider.GetRequiredService<IOptions<RatingsUploadOptions>>().Value.UploadTimeout);
        services.AddSingleton<RatingUploader>();
        services.AddHostedService(provider => provider.GetRequiredService<RatingUploader>());
        services.AddSingleton<IOwnHallEventSink, RatingUploadWakeSink>();
        return services;
    }
}

/// <summary>A rating this instance committed has queued a record: wake the sender rather than wait for its interval.</summary>
public sealed class RatingUploadWakeSink(RatingUploader uploader) : IOwnHallEventSink
{
    public ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken)
    {
        if (hallEvent is TicketChangedEvent { Message.Kind: EventKinds.Rated })
        {
            uploader.Wake();
        }
        return ValueTask.CompletedTask;
    }
}
