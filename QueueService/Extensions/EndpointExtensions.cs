using Hall.QueueService.Api;
using Hall.QueueService.FollowUps;
using Hall.QueueService.HallBus;
using Hall.QueueService.Hubs;
using Hall.QueueService.Pages;

namespace Hall.QueueService.Extensions;

public static class EndpointExtensions
{
    public static WebApplication MapHallEndpoints(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthApi();
        app.MapServicesApi();
        app.MapTicketsApi();
        app.MapWindowsApi();
        app.MapDevicesApi();
        app.MapFollowUpsApi();
        app.MapAppointmentsApi();
        app.MapRemoteTicketsApi();
        app.MapStatisticsApi();
        app.MapAlertsApi();
        app.MapSupervisorApi();
        app.MapAdminApi();
        app.MapAdminArchiveApi();
        app.MapBusGatewayApi();
        app.MapHub<HallHub>(Contracts.Hub.HallHub.Path);
        app.MapPages();
        return app;
    }
}
