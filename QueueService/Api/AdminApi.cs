using Hall.QueueService.HallSetup;
using Hall.QueueService.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>Administration (<c>/api/admin/…</c>): only the administrator (HTTP Basic, see <see cref="AdministratorFilter"/>).</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Administration").AddEndpointFilter<AdministratorFilter>();
        group.MapGet("/hall", GetHall).WithSummary("The whole hall configuration in the hall file's shape, without PINs or their hashes");
        return group;
    }

    public static ContentHttpResult GetHall(HallCatalogHolder hall) =>
        TypedResults.Text(HallFileLoader.Serialize(HallFileLoader.WithoutSecrets(hall.Current.Definition)), "application/json", System.Text.Encoding.UTF8);
}
