
namespace Hall.DisplayBoard.HallConnection;

public static class HallConnectionServiceExtensions
{
    /// <summary>The connection to the hall server's hub and the hall state it keeps.</summary>
    public static IHostApplicationBuilder AddHallConnection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HallServerOptions>()
            .BindConfiguration(HallServerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<HallState>();
        builder.Services.AddHostedService<HallConnectionService>();
        return builder;
    }
}
