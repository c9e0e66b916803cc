using Hall.Hardware.Printing;
using Hall.KioskApp.Options;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Printing;

public static class PrintingServiceExtensions
{
    /// <summary>The ticket printer: its transport from the settings, the layout, and the status reports to the hall.</summary>
    public static IHostApplicationBuilder AddTicketPrinting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<PrinterOptions>, PrinterOptionsValidator>();
        services.AddOptions<PrinterOptions>().BindConfiguration(PrinterOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPrinterTransport>(provider =>
            PrinterTransportFactory.Create(provider.GetRequiredService<IOptions<PrinterOptions>>().Value.ToConnection()));
        services.AddSingleton<TicketLayout>();
        services.AddSingleton<GuideLayout>();
        services.AddSingleton<DeviceStatusReporter>();
        services.AddHostedService(provider => provider.GetRequiredService<DeviceStatusReporter>());
        services.AddSingleton<TicketPrinter>();
        services.AddHostedService<PrinterStatusMonitor>();
        return builder;
    }
}
