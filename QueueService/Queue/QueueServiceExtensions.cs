namespace Hall.QueueService.Queue;

public static class QueueServiceExtensions
{
    /// <summary>
    /// The queue engine: issuing, the windows' actions, clerks' sessions, ratings, the read side, the day's end, and
    /// the publisher that hands each committed change to the registered hall event sinks.
    /// </summary>
    public static IServiceCollection AddQueueEngine(this IServiceCollection services)
    {
        services.AddSingleton<HallSecrets>();
        services.AddSingleton<HallEventPublisher>();
        services.AddSingleton<TicketIssuer>();
        services.AddSingleton<WindowDesk>();
        services.AddSingleton<AfterHours.AfterHoursDesk>();
        services.AddSingleton<Outcomes.PromisedCases>();
        services.AddSingleton<ClerkSessions>();
        services.AddSingleton<RatingRecorder>();
        services.AddSingleton<HallQueries>();
        services.AddSingleton<DeviceStatusStore>();
        services.AddSingleton<DayEndHousekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<DayEndHousekeeping>());
        return services;
    }
}
