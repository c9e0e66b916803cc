using System.Text.Json;
using Hall.Contracts.Hub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hall.Benchmarks.Baseline;

/// <summary>
/// The limit call-to-board is compared with: a SignalR hub without any logic on Kestrel, in a process of its own
/// (as the QueueService is), whose <c>POST /broadcast</c> sends one <c>TicketCalled</c> of the real size to every client.
/// </summary>
public static class BareHubServer
{
    public const string Argument = "--baseline-server";

    public const string HubPath = "/hubs/bare";

    public static bool IsRequested(string[] args) => args.Contains(Argument);

    public static async Task<int> RunAsync(string[] args)
    {
        var payloadFile = args[Array.IndexOf(args, Argument) + 1];
        var payload = JsonSerializer.Deserialize<TicketCalled>(await File.ReadAllTextAsync(payloadFile), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("No payload in " + payloadFile);

        var builder = WebApplication.CreateSlimBuilder(args.Where(a => a != Argument && a != payloadFile).ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BareHub>(HubPath);
        app.MapGet("/health", () => TypedResults.Ok());
        app.MapPost("/broadcast", async (IHubContext<BareHub> hub) =>
        {
            await hub.Clients.All.SendAsync(nameof(IHallClient.TicketCalled), payload);
            return TypedResults.Ok();
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>No logic at all: connections only.</summary>
    public sealed class BareHub : Hub
    {
    }
}
