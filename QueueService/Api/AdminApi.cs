using System.Text;
using Hall.QueueService.HallSetup;
using Hall.QueueService.HallSetup.Calendar;
using Hall.QueueService.ServiceGuides;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>
/// Administration (<c>/api/admin/…</c>): only the administrator (HTTP Basic, policy <see cref="HallPolicies.Administrator"/>).
/// The whole hall file is exported and imported here; services, windows, clerks and devices have their own endpoints.
/// </summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(HallPolicies.Administrator).AddEndpointFilter<AdminRequestGuard>()
            .Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.UnsupportedMediaType);
        group.MapGet("/hall", GetHall).WithSummary("The whole hall configuration in the hall file's shape, without PINs or their hashes");
        group.MapGet("/hall/file", DownloadHall).WithSummary("The same, as a file download named after the hall and the day");
        group.MapPut("/hall", ImportHallAsync).WithSummary("Replaces the whole hall configuration (a hall file); clerks without a PIN keep theirs")
            .Refuses(ProblemKind.Conflict, ProblemKind.TooLarge);
        group.MapAdminServicesApi();
        group.MapAdminWindowsApi();
        group.MapAdminClerksApi();
        group.MapAdminDevicesApi();
        group.MapAdminCalendarApi();
        group.MapAdminFormsApi();
        return group;
    }

    public static ContentHttpResult GetHall(HallCatalogHolder hall) =>
        TypedResults.Text(HallFileLoader.Serialize(HallFileLoader.WithoutSecrets(hall.Current.Definition)), "application/json", Encoding.UTF8);

    public static FileContentHttpResult DownloadHall(HallCatalogHolder hall, TimeProvider time)
    {
        var catalog = hall.Current;
        var json = HallFileLoader.Serialize(HallFileLoader.WithoutSecrets(catalog.Definition));
        var name = $"hall-{catalog.HallId}-{catalog.HallDate(time.GetUtcNow()):yyyy-MM-dd}.json";
        return TypedResults.File(Encoding.UTF8.GetBytes(json), "application/json", name);
    }

    public static async Task<ContentHttpResult> ImportHallAsync(HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        var incoming = await AdminRequest.ReadAsync<HallDefinition>(http.Request, "hall file", cancellationToken);
        var summary = $"hall file imported: {incoming.Services.Count} services, {incoming.Windows.Count} windows, {incoming.Clerks.Count} clerks";
        var stored = await editor.ChangeAsync(_ => incoming, summary, AdminRequest.Administrator(http), cancellationToken);
        return TypedResults.Text(HallFileLoader.Serialize(HallFileLoader.WithoutSecrets(stored)), "application/json", Encoding.UTF8);
    }
}
