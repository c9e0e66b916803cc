using Hall.QueueService.Metrics;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Api;

/// <summary><c>GET /metrics</c>: Prometheus text, to loopback and the networks in <c>Metrics:AllowedNetworks</c>.</summary>
public static class MetricsApi
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(RefuseOtherNetworks), optionsName: null)
            .WithTags("Metrics").WithSummary("Hall metrics for Prometheus (loopback and Metrics:AllowedNetworks only)");
        return app;
    }

    private static async Task RefuseOtherNetworks(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Allows(context.Connection.RemoteIpAddress))
        {
            await next(context);
            return;
        }
        await HallProblemResults.WriteAsync(context, QueueProblems.MetricsNetworkRefused().Problem);
    }
}
