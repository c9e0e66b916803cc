using Hall.KioskApp.Extensions;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
// The page's files come from the build output's static web assets in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();
builder.AddKioskServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapKioskEndpoints();

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
