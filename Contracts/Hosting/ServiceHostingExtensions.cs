using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace Hall.Contracts.Hosting;

/// <summary>How each of the hall's three programs runs as a service: under systemd or the Windows Service Control Manager.</summary>
public static class ServiceHostingExtensions
{
    /// <summary>
    /// <c>AddSystemd</c>: under a <c>Type=notify</c> unit the program says READY=1 once it serves and STOPPING=1 when it
    /// stops. <c>AddWindowsService</c>: registered with <c>sc.exe create</c>, it answers the Service Control Manager.
    /// Both do nothing when the program is started any other way (a console, a test).
    /// </summary>
    /// <param name="windowsServiceName">The name <c>deploy/windows/install-services.ps1</c> registers, e.g. <c>HallQueue</c>.</param>
    public static IHostApplicationBuilder AddServiceHosting(this IHostApplicationBuilder builder, string windowsServiceName)
    {
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(options => options.ServiceName = windowsServiceName);
        // Under systemd, AddSystemd switches the console to its journal format; a formatter the settings name
        // (Logging:Console:FormatterName=json in the units) still wins, so the journal keeps one JSON object a line.
        builder.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
        return builder;
    }
}
