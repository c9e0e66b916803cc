using Hall.QueueService.Api;
using Hall.QueueService.HallBus;
using Hall.QueueService.Appointments;
using Hall.QueueService.Archiving;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Hosting;
using Hall.QueueService.Hubs;
using Hall.QueueService.Queue;
using Hall.QueueService.ScaleOut;
using Hall.QueueService.Security;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<QueueStorageOptions>().BindConfiguration(QueueStorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<QueueDatabase>();
        services.AddSingleton<HallCatalogHolder>();
        services.AddSingleton<HallSecrets>();
        services.AddSingleton<HallEventPublisher>();
        services.AddSingleton<TicketIssuer>();
        services.AddSingleton<WindowDesk>();
        services.AddSingleton<ClerkSessions>();
        services.AddSingleton<RatingRecorder>();
        services.AddSingleton<HallQueries>();
        services.AddSingleton<DayEndHousekeeping>();
        services.AddStatisticsServices();
        services.AddArchiving();
        services.AddHostedService(sp => sp.GetRequiredService<DayEndHousekeeping>());
        services.AddSingleton<AppointmentBook>();
        services.AddSingleton<MissedAppointmentSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<MissedAppointmentSweeper>());

        services.AddSignalR();
        services.AddSingleton<QueueCountsBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueCountsBroadcaster>());
        services.AddSingleton<HubBroadcaster>();
        services.AddSingleton<BoardPresence>();
        services.AddSingleton<IHallEventSink>(sp => sp.GetRequiredService<HubBroadcaster>());
        services.AddHallAdministration();
        services.AddScaleOut();
        services.AddHallSecurity();
        services.AddSingleton<DeviceStatusStore>();

        // Hardware callers and evaluators on the hall bus (off without Bus:PortName).
        services.AddOptions<HallBusOptions>().BindConfiguration(HallBusOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HallBusOptions>, HallBusOptionsValidator>();
        services.AddSingleton<CallerKeyHandler>();
        services.AddSingleton<HallBusOutbox>();
        services.AddSingleton<BusGatewayBroker>();
        services.AddSingleton<IHallEventSink>(sp => sp.GetRequiredService<HallBusOutbox>());
        services.AddHostedService<HallBusService>();

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddOpenApi();
        services.AddHostedService<SystemdNotifier>();
        return builder;
    }
}
