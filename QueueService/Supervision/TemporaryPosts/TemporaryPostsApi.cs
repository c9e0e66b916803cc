using Hall.QueueService.Api;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Supervision.TemporaryPosts;

/// <summary><c>/api/supervision/temporary-posts</c>: a supervisor grants 临时顶岗 and sees the grants in force.</summary>
public static class TemporaryPostsApi
{
    public static IEndpointRouteBuilder MapTemporaryPostsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/supervision/temporary-posts").WithTags("Supervision").RequireSupervisor()
            .Refuses(ProblemKind.Unauthenticated, ProblemKind.Forbidden);
        group.MapPost("/", GrantAsync).WithSummary("Lets a clerk log in at a window that is not their post, for some hours (临时顶岗)")
            .Refuses(ProblemKind.Invalid, ProblemKind.NotFound);
        group.MapGet("/", ListAsync).WithSummary("The temporary posts in force");
        return app;
    }

    public static async Task<Created<TemporaryPostView>> GrantAsync(TemporaryPostRequest request, TemporaryPostGrants grants, HttpContext http)
    {
        var post = await grants.GrantAsync(request, HallSchemes.ActingStaff(http.User) ?? "admin", http.RequestAborted);
        return TypedResults.Created($"/api/supervision/temporary-posts/{post.Id}", post);
    }

    public static async Task<Ok<IReadOnlyList<TemporaryPostView>>> ListAsync(TemporaryPostGrants grants, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grants.ActiveAsync(cancellationToken));
}
