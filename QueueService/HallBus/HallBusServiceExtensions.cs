using Hall.QueueService.Queue;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.HallBus;

public static class HallBusServiceExtensions
{
    /// <summary>
    /// Hardware callers and evaluators on the hall bus: a local port (<c>Bus:PortName</c>) or a display computer's
    /// bus gateway. The service stays idle without either; the outbox is a hall event sink (calls, finishes, windows).
    /// </summary>
    public static IServiceCollection AddHallBus(this IServiceCollection services)
    {
        services.AddOptions<HallBusOptions>().BindConfiguration(HallBusOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HallBusOptions>, HallBusOptionsValidator>();
        services.AddSingleton<CallerKeyHandler>();
        services.AddSingleton<HallBusOutbox>();
        services.AddSingleton<BusGatewayBroker>();
        services.AddSingleton<IHallEventSink>(sp => sp.GetRequiredService<HallBusOutbox>());
        services.AddHostedService<HallBusService>();
        return services;
    }
}
