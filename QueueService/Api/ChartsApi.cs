using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>Figures the supervision dashboard's charts need beyond <c>/api/stats</c> and <c>/api/staffing</c>.</summary>
public static class ChartsApi
{
    public static IEndpointRouteBuilder MapChartsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats/wait-distribution", GetWaitDistributionAsync).WithTags("Statistics")
            .WithSummary("How many tickets of a day waited 0–5, 5–10, … 60+ minutes before their first call").RequireStatisticsReader();
        return app;
    }

    public static async Task<Ok<WaitDistributionReport>> GetWaitDistributionAsync(string? date, WaitDistribution distribution, CancellationToken cancellationToken) =>
        TypedResults.Ok(await distribution.GetDayAsync(HallDateRange.ParseDate(date, "date"), cancellationToken));
}
