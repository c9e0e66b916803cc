using Hall.QueueService.Audit;
using Hall.QueueService.Security.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>The administrator (or an auditor with the administrator's credentials) checks the event chain (电子监察).</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/audit").WithTags("Administration").RequireAuthorization(HallPolicies.Administrator);
        group.MapGet("/verify", VerifyAsync)
            .WithSummary("Walk every event row, archived then live, in id order and check its hash chain: { ok, events, firstBadEventId }");
        return group;
    }

    public static async Task<Ok<AuditVerification>> VerifyAsync(AuditVerifier verifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verifier.VerifyAsync(cancellationToken));
}
