using Hall.QueueService.Security.RateLimiting;
using Hall.QueueService.Security.Authentication;

namespace Hall.QueueService.Security;

public static class SecurityServiceExtensions
{
    public static IServiceCollection AddHallSecurity(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHallAuthentication();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<GreenChannelAuthorizer>();
        services.AddSingleton<DeviceKeyStore>();
        services.AddSingleton<RateLimiting.LimitCounters>();
        services.AddSingleton<RateLimiting.PinTriesPerAddress>();
        services.AddOptions<RateLimiting.WorkQueueOptions>().BindConfiguration(RateLimiting.WorkQueueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHallRateLimiting();
        services.AddSingleton<DeviceConnections>();
        services.AddSingleton<SupervisorSessions>();
        services.AddSingleton<AdminSessions>();
        services.AddHostedService<DemoCredentialsWarning>();
        return services;
    }
}
