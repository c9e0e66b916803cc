using Microsoft.Extensions.Options;

namespace Hall.QueueService.Uplink;

public static class UplinkServiceExtensions
{
    /// <summary>The hall's uplink to its city: settings checked on start, the HTTP client, the sender in the background, its metrics.</summary>
    public static IServiceCollection AddUplink(this IServiceCollection services)
    {
        services.AddOptions<UplinkOptions>().BindConfiguration(UplinkOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.MaxRetryDelay >= o.RetryDelay, "Uplink:MaxRetryDelay must not be shorter than Uplink:RetryDelay.")
            .ValidateOnStart();
        services.AddHttpClient(UplinkSender.ClientName, (provider, http) =>
            http.Timeout = provider.GetRequiredService<IOptions<UplinkOptions>>().Value.Timeout);
        services.AddSingleton<UplinkMetrics>();
        services.AddSingleton<UplinkBatchReader>();
        services.AddSingleton<UplinkSender>();
        services.AddHostedService(provider => provider.GetRequiredService<UplinkSender>());
        return services;
    }
}
