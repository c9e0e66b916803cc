using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Security.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>
/// What the abuse controls and work-queue bounds of this instance have refused or dropped since start, and how full
/// the queues are: for supervisors and the administrator (the same figures are on <c>/metrics</c>).
/// </summary>
public static class LimitsApi
{
    public static RouteGroupBuilder MapLimitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/supervision/limits").WithTags("Supervision").RequireSupervisor();
        group.MapGet("/", Get).WithSummary("Refusals per limit and the bounded work queues of this instance");
        return group;
    }

    public static Ok<LimitsView> Get(LimitCounters counters) => TypedResults.Ok(new LimitsView(counters.Snapshot(), counters.Queues()));
}
