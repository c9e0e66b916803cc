using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Security;

/// <summary>
/// Production mode: the environment is set to <c>Production</c> (ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or
/// --environment). A server started with no environment at all runs the friendly demo, as the first-wave contract
/// starts it; Development does too. In Production, start-up refuses every demo secret (see <see cref="ProductionReadiness"/>).
/// </summary>
public static class ProductionMode
{
    /// <summary><c>--Queue:DemoHall=true</c> loads the demo hall on an empty database outside Development too (never in Production).</summary>
    public const string DemoHallSetting = "Queue:DemoHall";

    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsProduction() && !string.IsNullOrWhiteSpace(configuration[HostDefaults.EnvironmentKey]);

    /// <summary>Whether an empty database may be given the demo hall.</summary>
    public static bool DemoHallAllowed(IConfiguration configuration, IHostEnvironment environment) =>
        !IsOn(configuration, environment)
        && (environment.IsDevelopment() || string.IsNullOrWhiteSpace(configuration[HostDefaults.EnvironmentKey])
            || configuration.GetValue<bool>(DemoHallSetting));

    public static bool IsOn(IServiceProvider services) =>
        IsOn(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
}
