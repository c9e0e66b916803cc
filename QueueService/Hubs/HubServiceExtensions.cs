using Hall.QueueService.Queue;
using Hall.QueueService.Security.RateLimiting;

namespace Hall.QueueService.Hubs;

public static class HubServiceExtensions
{
    /// <summary>The hall hub: SignalR with the configured transports, the broadcaster of committed events (a hall event sink), queue counts, board presence and the connection bound.</summary>
    public static IServiceCollection AddHallHub(this IServiceCollection services)
    {
        services.AddSignalR();
        HubTransportOptions.AddHubTransports(services);
        services.AddSingleton<QueueCountsBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueCountsBroadcaster>());
        services.AddSingleton<HubBroadcaster>();
        services.AddSingleton<BoardPresence>();
        services.AddSingleton<HubConnectionLimit>();
        services.AddSingleton<IHallEventSink>(sp => sp.GetRequiredService<HubBroadcaster>());
        return services;
    }

    /// <summary><c>/hubs/hall</c>, its negotiation rate-limited per client address.</summary>
    public static HubEndpointConventionBuilder MapHallHub(this IEndpointRouteBuilder app) =>
        app.MapHub<HallHub>(Contracts.Hub.HallHub.Path, o => o.Transports = HubTransportOptions.FromConfiguration(app.ServiceProvider.GetRequiredService<IConfiguration>()))
            .RequireRateLimiting(HallRateLimiting.HubNegotiate);
}
