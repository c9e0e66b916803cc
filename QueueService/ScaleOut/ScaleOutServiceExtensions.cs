using Hall.QueueService.Queue;

namespace Hall.QueueService.ScaleOut;

public static class ScaleOutServiceExtensions
{
    /// <summary>
    /// On PostgreSQL several instances share the hall: their hub events travel through LISTEN/NOTIFY. Both parts
    /// check the database kind when they run (settings may come late, e.g. in tests) and do nothing on SQLite.
    /// </summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services)
    {
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<IOwnHallEventSink, PostgresNotifySink>();
        services.AddSingleton<PostgresEventListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresEventListener>());
        return services;
    }
}
