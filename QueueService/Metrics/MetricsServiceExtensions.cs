using OpenTelemetry.Metrics;

namespace Hall.QueueService.Metrics;

public static class MetricsServiceExtensions
{
    /// <summary>
    /// OpenTelemetry metrics for Prometheus: the hall's meter and ASP.NET Core's own (HTTP server, Kestrel, SignalR
    /// connections). Mapped at <c>/metrics</c> by <c>MapMetricsApi</c>.
    /// </summary>
    public static IServiceCollection AddHallMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HallMetrics>();
        services.AddSingleton<Queue.IOwnHallEventSink, MetricsEventSink>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(HallMetrics.MeterName)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
            .AddPrometheusExporter());
        return services;
    }
}
