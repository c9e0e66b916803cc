using Hall.QueueService.Queue;

namespace Hall.QueueService.HallSetup;

public static class HallSetupServiceExtensions
{
    /// <summary>The hall in force, changing it while it runs (<c>/api/admin/…</c>) and telling hub clients about it.</summary>
    public static IServiceCollection AddHallSetup(this IServiceCollection services)
    {
        services.AddSingleton<HallCatalogHolder>();
        services.AddSingleton<HallEditor>();
        services.AddSingleton<HallChangedBroadcaster>();
        services.AddSingleton<IHallEventSink>(sp => sp.GetRequiredService<HallChangedBroadcaster>());
        return services;
    }
}
