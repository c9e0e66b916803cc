using Hall.QueueService.Queue;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Notify;

public static class NotifyServiceExtensions
{
    /// <summary>
    /// 到号提醒: the settings, the outbox writer the issuer and the window desk call inside their transactions, the
    /// provider (<c>Sms:Provider</c>), the sender in the background and its metrics.
    /// </summary>
    public static IServiceCollection AddTurnNotices(this IServiceCollection services)
    {
        services.AddOptions<NotifyOptions>().BindConfiguration(NotifyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations()
            .Validate(o => SmsOptions.Problem(o, production: false) is null, "Sms:Provider must be \"log\" or \"http\"; with http, Sms:Url must be an absolute http(s) address.")
            .Validate(o => o.MaxRetryDelay >= o.RetryDelay, "Sms:MaxRetryDelay must not be shorter than Sms:RetryDelay.")
            .ValidateOnStart();
        services.AddSingleton<TurnNotices>();
        services.AddSingleton<SmsMetrics>();
        services.AddHttpClient(HttpSmsSender.ClientName, (provider, http) =>
        {
            var settings = provider.GetRequiredService<IOptions<SmsOptions>>().Value;
            if (settings.Url is { Length: > 0 } url)
            {
                http.BaseAddress = new Uri(url);
            }
            http.Timeout = settings.RequestTimeout;
        });
        services.AddSingleton<ISmsSender>(provider => provider.GetRequiredService<IOptions<SmsOptions>>().Value.SendsHttp
            ? new HttpSmsSender(provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpSmsSender.ClientName))
            : ActivatorUtilities.CreateInstance<LogSmsSender>(provider));
        services.AddSingleton<SmsDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<SmsDispatcher>());
        services.AddSingleton<IOwnHallEventSink, SmsWakeSink>();
        return services;
    }
}

/// <summary>A change this instance committed may have queued a message: wake the sender rather than wait for its interval.</summary>
public sealed class SmsWakeSink(SmsDispatcher dispatcher) : IOwnHallEventSink
{
    public ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken)
    {
        if (hallEvent is QueueChangedEvent or TicketCalledEvent)
        {
            dispatcher.Wake();
        }
        return ValueTask.CompletedTask;
    }
}
