using Hall.QueueService.Extensions;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Security;
using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

if (BackupCommand.IsCommand(args))
{
    return await BackupCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
builder.AddApplicationServices();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseDeviceAuthentication();
app.UseWebSockets();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapHallEndpoints();

try
{
    await app.Services.InitializeHallAsync();
    // Settings validated on start (ValidateOnStart) are checked here, when the host starts.
    await app.RunAsync();
}
catch (Exception e) when (e is HallFileException or OptionsValidationException or InvalidOperationException)
{
    // A bad setting or hall file stops start-up with a message that names it.
    await Console.Error.WriteLineAsync("QueueService cannot start: " + e.Message);
    return 1;
}
return 0;

public partial class Program;
