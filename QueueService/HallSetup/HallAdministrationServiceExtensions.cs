using Hall.QueueService.Queue;

namespace Hall.QueueService.HallSetup;

public static class HallAdministrationServiceExtensions
{
    /// <summary>Changing the hall while it runs (<c>/api/admin/…</c>) and telling hub clients about it.</summary>
    public static IServiceCollection AddHallAdministration(this IServiceCollection services)
    {
        services.AddSingleton<HallEditor>();
        services.AddSingleton<HallChangedBroadcaster>();
        services.AddSingleton<IHallEventSink>(sp => sp.GetRequiredService<HallChangedBroadcaster>());
        return services;
    }
}
