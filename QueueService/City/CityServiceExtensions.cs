using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.City;

public static class CityServiceExtensions
{
    /// <summary>The city role's parts (hall keys, the uplink's ingest, the city's statistics); registered on every server, used with <c>Queue:Role=city</c>.</summary>
    public static IServiceCollection AddCity(this IServiceCollection services)
    {
        services.AddSingleton<CityHallsTable>();
        services.AddSingleton<CityIngest>();
        services.AddSingleton<CityStatistics>();
        return services;
    }

    /// <summary>The city's endpoints, only on a server started with <c>--Queue:Role=city</c>: a hall server answers them 404.</summary>
    public static IEndpointRouteBuilder MapCity(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<QueueStorageOptions>>().Value.IsCity)
        {
            return app;
        }
        app.MapCityUplinkApi();
        app.MapCityAdminApi();
        app.MapCityApi();
        return app;
    }
}
