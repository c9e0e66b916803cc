using Hall.QueueService.Statistics;
using Hall.QueueService.Supervision;

namespace Hall.QueueService.Extensions;

public static class StatisticsServiceExtensions
{
    /// <summary>Statistics, reports, staffing advice and alerts for supervisors.</summary>
    public static IServiceCollection AddStatisticsServices(this IServiceCollection services)
    {
        services.AddSingleton<StatisticsQueries>();
        services.AddSingleton<StaffingAdvisor>();

        services.AddOptions<SupervisionOptions>().BindConfiguration(SupervisionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertMonitor>());
        return services;
    }
}
