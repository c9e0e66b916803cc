
namespace Hall.DisplayBoard.BusGateway;

public static class BusGatewayServiceExtensions
{
    /// <summary>The callers' and evaluators' bus carried to the hall server (only when <c>BusGateway:PortName</c> is set).</summary>
    public static IHostApplicationBuilder AddBusGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BusGatewayOptions>()
            .BindConfiguration(BusGatewayOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Registered or not by the bound settings; their validation still runs at start.
        var settings = builder.Configuration.GetSection(BusGatewayOptions.Section).Get<BusGatewayOptions>() ?? new BusGatewayOptions();
        if (!settings.IsEnabled)
        {
            return builder;
        }
        builder.Services.AddHostedService<BusGatewayService>();
        return builder;
    }
}
