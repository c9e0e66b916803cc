namespace Hall.QueueService.Security;

public static class SecurityServiceExtensions
{
    public static IServiceCollection AddHallSecurity(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<DeviceKeyStore>();
        services.AddSingleton<IssueRateLimiter>();
        services.AddSingleton<SupervisorSessions>();
        services.AddHostedService<DemoCredentialsWarning>();
        return services;
    }
}
