using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Api;

/// <summary>The hall's services with their live queues, and the hall's public facts, for kiosks and pages.</summary>
public static class ServicesApi
{
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/services", GetServicesAsync).WithTags("Services").WithSummary("Services, waiting counts, expected waits, open or closed");
        app.MapGet("/api/hall", GetHall).WithTags("Services").WithSummary("The hall's name, hours and notice");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ServiceInfo>>> GetServicesAsync(HallQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetServicesAsync(cancellationToken));

    public static Ok<HallInfo> GetHall(HallCatalogHolder hall, TimeProvider time, IOptions<PrivacyOptions> privacy)
    {
        var catalog = hall.Current;
        var d = catalog.Definition;
        return TypedResults.Ok(new HallInfo(d.Name, d.NameEn, d.TimeZone, HallCatalog.Describe(d.OpeningHours), catalog.IsHallOpen(time.GetUtcNow()),
            d.Notice, d.RatingTimeoutSeconds, catalog.ToOffset(time.GetUtcNow()), d.IdKeypadFallback,
            privacy.Value.RetainDays, d.Contacts, catalog.HolidayAt(time.GetUtcNow())));
    }
}

/// <summary>What any page may know of the hall.</summary>
/// <param name="IdKeypadFallback">Kiosks may take a typed ID number where a service requires the ID card.</param>
/// <param name="PersonalDataRetainDays">Days after which names, phones and ID numbers are erased (the pages' privacy notices say so).</param>
/// <param name="Contacts">The hall's complaint and supervision phones.</param>
/// <param name="Holiday">Today's holiday when the calendar declares one: the hall is closed (pages say why).</param>
public sealed record HallInfo(string Name, string NameEn, string TimeZone, string OpeningHours, bool IsOpen, string? Notice, int RatingTimeoutSeconds, DateTimeOffset Now,
    bool IdKeypadFallback = true, int PersonalDataRetainDays = 180, HallContacts? Contacts = null, string? Holiday = null);
