using Hall.DisplayBoard.BusGateway;

namespace Hall.DisplayBoard.Extensions;

public static class BusGatewayExtensions
{
    /// <summary>The callers' and evaluators' bus carried to the hall server (only when <c>BusGateway:PortName</c> is set).</summary>
    public static IHostApplicationBuilder AddBusGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BusGatewayOptions>()
            .BindConfiguration(BusGatewayOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{BusGatewayOptions.Section}:{nameof(BusGatewayOptions.PortName)}"]))
        {
            return builder;
        }
        builder.Services.AddHostedService<BusGatewayService>();
        return builder;
    }
}
