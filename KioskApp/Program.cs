using Hall.Contracts.Hosting;
using Hall.KioskApp.Apis;
using Hall.KioskApp.HallServer;
using Hall.KioskApp.IdCard;
using Hall.KioskApp.Printing;
using Hall.KioskApp.Taking;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
// The page's files come from the build output's static web assets in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();
builder.AddServiceHosting("HallKiosk");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.AddHallServer();
builder.AddTicketPrinting();
builder.AddIdCardReader();
builder.AddTaking();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
// The touch page (static files), the kiosk's API and /health.
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapGet("/health", () => TypedResults.Ok("ok"));
app.MapKioskInfoApi();
app.MapServicesApi();
app.MapGuidesApi();
app.MapTakeApi();
app.MapQrCodeApi();
app.MapIdCardApi();

try
{
    await app.RunAsync();
}
catch (OptionsValidationException e)
{
    // A bad setting stops start-up with a message that names it.
    await Console.Error.WriteLineAsync("KioskApp cannot start: " + e.Message);
    return 1;
}
return 0;

public partial class Program;
