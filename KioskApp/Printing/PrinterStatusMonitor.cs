using Hall.KioskApp.Options;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Printing;

/// <summary>Reads the printer's status at start and then periodically, so paper running out is known before a citizen meets it.</summary>
public sealed class PrinterStatusMonitor(TicketPrinter printer, IOptions<KioskOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PrinterCheckSeconds), time);
        do
        {
            await printer.CheckAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
