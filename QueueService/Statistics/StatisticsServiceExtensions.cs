namespace Hall.QueueService.Statistics;

public static class StatisticsServiceExtensions
{
    /// <summary>Statistics, monthly reports and staffing advice for supervisors (<c>/api/stats</c>, <c>/api/staffing</c>, …).</summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddSingleton<StatisticsQueries>();
        services.AddSingleton<Attendance>();
        services.AddSingleton<StaffingAdvisor>();
        services.AddSingleton<WaitDistribution>();
        return services;
    }
}
