using Hall.QueueService.Queue;

namespace Hall.QueueService.Notices;

public static class NoticesServiceExtensions
{
    /// <summary>The boards' notices: the desk that changes them, the sink that tells the boards, the watcher of their periods.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddOptions<NoticesOptions>().BindConfiguration(NoticesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NoticeReader>();
        services.AddSingleton<NoticeDesk>();
        services.AddSingleton<IHallEventSink, NoticesBroadcaster>();
        services.AddSingleton<NoticePeriodWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticePeriodWatcher>());
        return services;
    }
}
