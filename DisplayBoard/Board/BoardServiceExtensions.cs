using Hall.DisplayBoard.HallConnection;
using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.Board;

public static class BoardServiceExtensions
{
    /// <summary>The waiting-area board: its settings, its hub for the page and the relay from the hall hub.</summary>
    public static IHostApplicationBuilder AddBoard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BoardOptions>()
            .BindConfiguration(BoardOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<BoardFilter>();
        builder.Services.AddSingleton<BoardViewBuilder>();
        builder.Services.AddSingleton<IHallObserver, BoardRelay>();
        builder.Services.AddHttpClient(EvaluationFetcher.HttpClientName, (sp, http) =>
        {
            var server = sp.GetRequiredService<IOptions<HallServerOptions>>().Value;
            http.BaseAddress = new Uri(server.ServerUri, "/");
            if (!string.IsNullOrEmpty(server.DeviceKey))
            {
                http.DefaultRequestHeaders.Add(Hall.Contracts.Api.DeviceHeaders.Key, server.DeviceKey);
            }
        });
        builder.Services.AddSingleton<BoardEvaluation>();
        builder.Services.AddSingleton<EvaluationFetcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EvaluationFetcher>());
        builder.Services.AddSingleton<IHallObserver>(sp => sp.GetRequiredService<EvaluationFetcher>());
        builder.Services.AddSignalR();
        return builder;
    }

    public static WebApplication MapBoard(this WebApplication app)
    {
        // "/" becomes "/index.html" before routing picks the static asset endpoint.
        app.UseDefaultFiles();
        app.UseRouting();
        app.MapStaticAssets();
        app.MapHub<BoardHub>(BoardHub.Path);
        app.MapBoardApi();
        app.MapGet("/health", () => TypedResults.Ok("ok"));
        return app;
    }
}
