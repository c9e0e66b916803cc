using Hall.KioskApp.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddKioskServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapKioskEndpoints();
app.Run();

public partial class Program;
