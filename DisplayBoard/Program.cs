using Hall.Contracts.Hosting;
using Hall.DisplayBoard.Board;
using Hall.DisplayBoard.BusGateway;
using Hall.DisplayBoard.HallConnection;
using Hall.DisplayBoard.Led;
using Hall.DisplayBoard.Voice;

var builder = WebApplication.CreateBuilder(args);
// Serves the shared SignalR JS client (/_content/Hall.Contracts/…) in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.AddServiceHosting("HallBoard");
builder.AddHallConnection();
builder.AddBoard();
builder.AddLedStrips();
builder.AddBusGateway();
builder.AddVoice();

var app = builder.Build();
app.MapBoard();
app.Run();

public partial class Program;
