using Hall.DisplayBoard.HallConnection;
using Hall.Hardware.HallBus;
using Hall.Hardware.Serial;
using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.Led;

public static class LedServiceExtensions
{
    /// <summary>The window LED strips on the hall bus (only when <c>Led:PortName</c> is set).</summary>
    public static IHostApplicationBuilder AddLedStrips(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LedOptions>()
            .BindConfiguration(LedOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<LedTextComposer>();
        // Registered or not by the bound settings; their validation still runs at start.
        var settings = builder.Configuration.GetSection(LedOptions.Section).Get<LedOptions>() ?? new LedOptions();
        if (string.IsNullOrWhiteSpace(settings.PortName))
        {
            return builder;
        }
        builder.Services.AddSingleton(sp =>
        {
            var led = sp.GetRequiredService<IOptions<LedOptions>>().Value;
            var port = new SerialPortOptions { PortName = led.PortName!, BaudRate = led.BaudRate };
            // The host reopens the port itself when it is unplugged or fails.
            return new HallBusHost(
                _ => ValueTask.FromResult(SerialPorts.Open(port).Stream),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<HallBusHost>>(),
                new HallBusHostOptions { Name = "LED strips " + led.PortName });
        });
        builder.Services.AddHttpClient(LedStatusReporter.HttpClientName, (sp, http) =>
        {
            var server = sp.GetRequiredService<IOptions<HallServerOptions>>().Value;
            http.BaseAddress = new Uri(server.ServerUri, "/");
            if (!string.IsNullOrEmpty(server.DeviceKey))
            {
                http.DefaultRequestHeaders.Add(Hall.Contracts.Api.DeviceHeaders.Key, server.DeviceKey);
            }
        });
        builder.Services.AddSingleton<LedStatusReporter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LedStatusReporter>());
        builder.Services.AddSingleton<LedStripService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LedStripService>());
        builder.Services.AddSingleton<IHallObserver>(sp => sp.GetRequiredService<LedStripService>());
        return builder;
    }
}
