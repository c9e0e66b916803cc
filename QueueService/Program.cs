using Hall.Contracts.Hosting;
using Hall.QueueService.Api;
using Hall.QueueService.Appointments;
using Hall.QueueService.Archiving;
using Hall.QueueService.Audit;
using Hall.QueueService.City;
using Hall.QueueService.Complaints;
using Hall.QueueService.FollowUps;
using Hall.QueueService.HallBus;
using Hall.QueueService.HallSetup;
using Hall.QueueService.HallSetup.Calendar;
using Hall.QueueService.Hubs;
using Hall.QueueService.Metrics;
using Hall.QueueService.Notices;
using Hall.QueueService.Notify;
using Hall.QueueService.Pages;
using Hall.QueueService.Privacy;
using Hall.QueueService.Queue;
using Hall.QueueService.Queue.AfterHours;
using Hall.QueueService.Queue.Outcomes;
using Hall.QueueService.Ratings;
using Hall.QueueService.Ratings.Upload;
using Hall.QueueService.ScaleOut;
using Hall.QueueService.ServiceGuides;
using Hall.QueueService.Security;
using Hall.QueueService.Security.RateLimiting;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Statistics;
using Hall.QueueService.Storage;
using Hall.QueueService.Supervision;
using Hall.QueueService.Supervision.PauseApprovals;
using Hall.QueueService.Supervision.TemporaryPosts;
using Hall.QueueService.Uplink;
using Microsoft.Extensions.Options;

if (BackupCommand.IsCommand(args))
{
    return await BackupCommand.RunAsync(args, Console.Out, Console.Error);
}
if (HashPasswordCommand.IsCommand(args))
{
    return await HashPasswordCommand.RunAsync(Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddQueueStorage();
builder.Services.AddQueueEngine();
builder.Services.AddRatings();
builder.Services.AddTurnNotices();
builder.Services.AddRatingUpload();
builder.Services.AddUplink();
builder.Services.AddCity();
builder.Services.AddStatistics();
builder.Services.AddSupervision();
builder.Services.AddHallMetrics();
builder.Services.AddArchiving();
builder.Services.AddAudit();
builder.Services.AddPrivacy();
builder.Services.AddAppointments();
builder.Services.AddComplaints();
builder.Services.AddNotices();
builder.Services.AddHallHub();
builder.Services.AddHallSetup();
builder.Services.AddServiceGuides();
builder.Services.AddScaleOut();
builder.Services.AddHallSecurity();
builder.Services.AddHallBus();
builder.Services.AddHallApi();
builder.AddServiceHosting("HallQueue");

var app = builder.Build();
app.UseHallForwardedHeaders();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseAuthentication();
app.UseDeviceKeyRefusal();
app.UseAbuseControls();
app.UseAuthorization();
app.UseWebSockets();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOpenApi();
app.MapHealthApi();
app.MapServicesApi();
app.MapServiceGuidesApi();
app.MapNoticesApi();
app.MapSampleFormsApi();
app.MapCalendarApi();
app.MapTicketsApi();
app.MapWindowsApi();
app.MapDevicesApi();
app.MapFollowUpsApi();
app.MapComplaintsApi();
app.MapRatingsApi();
app.MapRatingUploadApi();
app.MapUplinkApi();
app.MapCity();
app.MapAppointmentsApi();
app.MapRemoteTicketsApi();
app.MapStatisticsApi();
app.MapMetricsApi();
app.MapChartsApi();
app.MapAlertsApi();
app.MapLimitsApi();
app.MapSupervisorApi();
app.MapTemporaryPostsApi();
app.MapPauseReasonsApi();
app.MapAfterHoursApi();
app.MapPromisedCasesApi();
app.MapAdminSessionApi();
app.MapAdminApi();
app.MapAdminArchiveApi();
app.MapAuditApi();
app.MapPersonalDataApi();
app.MapBusGatewayApi();
app.MapHallHub();
app.MapPages();

try
{
    var production = ProductionMode.IsOn(app.Services);
    if (production)
    {
        ProductionReadiness.CheckSettings(app.Configuration);
    }
    await app.Services.InitializeHallAsync();
    if (production)
    {
        await ProductionReadiness.CheckHallAsync(app.Services, app.Lifetime.ApplicationStopping);
    }
    // Settings validated on start (ValidateOnStart) are checked here, when the host starts.
    await app.RunAsync();
}
catch (Exception e) when (e is HallFileException or OptionsValidationException or InvalidOperationException or ProductionNotReadyException)
{
    // A bad setting or hall file stops start-up with a message that names it.
    await Console.Error.WriteLineAsync("QueueService cannot start: " + e.Message);
    return 1;
}
return 0;

public partial class Program;
