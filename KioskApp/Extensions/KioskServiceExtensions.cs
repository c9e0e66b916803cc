using Hall.Contracts.Api;
using Hall.Hardware.Printing;
using Hall.KioskApp.HallServer;
using Hall.KioskApp.Options;
using Hall.KioskApp.Printing;
using Hall.KioskApp.Taking;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Extensions;

public static class KioskServiceExtensions
{
    /// <summary>Options (validated at start), the hall-server client, the printer and the taking flow.</summary>
    public static IHostApplicationBuilder AddKioskServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<KioskOptions>, KioskOptionsValidator>();
        services.AddSingleton<IValidateOptions<PrinterOptions>, PrinterOptionsValidator>();
        services.AddOptions<KioskOptions>().BindConfiguration(KioskOptions.SectionName).ValidateOnStart();
        services.AddOptions<PrinterOptions>().BindConfiguration(PrinterOptions.SectionName).ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();

        services.AddHttpClient<HallServerClient>((provider, http) =>
        {
            var kiosk = provider.GetRequiredService<IOptions<KioskOptions>>().Value;
            http.BaseAddress = kiosk.ServerUri;
            http.Timeout = TimeSpan.FromSeconds(kiosk.ServerTimeoutSeconds);
            if (!string.IsNullOrEmpty(kiosk.DeviceKey))
            {
                http.DefaultRequestHeaders.Add(DeviceHeaders.Key, kiosk.DeviceKey);
            }
        });

        services.AddSingleton<IPrinterTransport>(provider =>
            PrinterTransportFactory.Create(provider.GetRequiredService<IOptions<PrinterOptions>>().Value.ToConnection()));
        services.AddSingleton<TicketLayout>();
        services.AddSingleton<DeviceStatusReporter>();
        services.AddHostedService(provider => provider.GetRequiredService<DeviceStatusReporter>());
        services.AddSingleton<TicketPrinter>();
        services.AddHostedService<PrinterStatusMonitor>();
        services.AddSingleton<RecentTickets>();
        services.AddTransient<TicketTaking>();
        return builder;
    }
}
