namespace Hall.QueueService.Archiving;

public static class ArchivingServiceExtensions
{
    /// <summary>Daily archiving of old hall days, and the archiver the administrator can run by hand.</summary>
    public static IServiceCollection AddArchiving(this IServiceCollection services)
    {
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DayArchiver>();
        services.AddSingleton<DailyArchiveService>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyArchiveService>());
        return services;
    }
}
