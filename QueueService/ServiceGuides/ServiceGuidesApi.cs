using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.ServiceGuides;

/// <summary>
/// 办事指南 for anyone (the kiosk's guide mode, the phone pages, the ticket's QR code): the list to browse and search,
/// and one service's guide. Read from the hall in memory, so a flood of reads never reaches the database.
/// </summary>
public static class ServiceGuidesApi
{
    public static IEndpointRouteBuilder MapServiceGuidesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Service guides");
        group.MapGet("/guides", GetGuides).WithSummary("Every service with its category and pinyin initials, for browsing and searching the guides");
        group.MapGet("/services/{id:int}/guide", GetGuide).WithSummary("One service's guide (办事指南) with the hall's complaint and supervision phones")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Ok<IReadOnlyList<GuideEntry>> GetGuides(HallCatalogHolder hall) =>
        TypedResults.Ok<IReadOnlyList<GuideEntry>>(hall.Current.Definition.Services
            .Select(s => new GuideEntry(s.Id, s.Name, s.NameEn, s.Category, InitialsOf(s), s.Guide?.OnlineUrl is not null))
            .ToList());

    public static Ok<ServiceGuideInfo> GetGuide(int id, HttpRequest request, HallCatalogHolder hall, IOptions<QueueStorageOptions> storage)
    {
        var catalog = hall.Current;
        var service = catalog.FindService(id)
            ?? throw QueueProblems.ServiceNotFound(id);
        var guide = service.Guide
            ?? throw QueueProblems.NoGuide(service.Name);
        // Forms kept on this server get its public address, so a phone that scans the kiosk's QR code reaches them.
        var baseUrl = storage.Value.TrackingBaseUrl(request);
        guide = guide with { Forms = guide.Forms.Select(f => f.Url.StartsWith('/') ? f with { Url = baseUrl + f.Url } : f).ToList() };
        return TypedResults.Ok(new ServiceGuideInfo(service.Id, service.Prefix, service.Name, service.NameEn, service.Category, service.Department,
            InitialsOf(service), service.Materials, guide, catalog.Definition.Contacts));
    }

    private static string InitialsOf(ServiceDefinition service) => service.Initials ?? PinyinInitials.Of(service.Name);
}
