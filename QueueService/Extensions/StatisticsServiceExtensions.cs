using Hall.QueueService.Statistics;

namespace Hall.QueueService.Extensions;

public static class StatisticsServiceExtensions
{
    /// <summary>Statistics, reports and staffing advice for supervisors.</summary>
    public static IServiceCollection AddStatisticsServices(this IServiceCollection services)
    {
        services.AddSingleton<StatisticsQueries>();
        services.AddSingleton<StaffingAdvisor>();
        return services;
    }
}
