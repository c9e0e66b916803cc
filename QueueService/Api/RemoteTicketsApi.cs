using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security.RateLimiting;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Api;

/// <summary>
/// 网上取号: taking a number from the phone for services the hall allows it for. The ticket counts like a kiosk
/// ticket; an ID number is required so that one citizen holds one number per service and day.
/// </summary>
public static class RemoteTicketsApi
{
    public const string Device = "mobile";

    public static RouteGroupBuilder MapRemoteTicketsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/remote-tickets").WithTags("Remote tickets");
        group.MapGet("/services", GetServices).WithSummary("Services that issue numbers from the phone");
        group.MapPost("/", IssueAsync).WithSummary("Take a number from the phone (网上取号)")
            .RequireRateLimiting(HallRateLimiting.RemoteTickets).Refuses(ProblemKind.Invalid, ProblemKind.Conflict, ProblemKind.TooMany);
        return group;
    }

    public static Ok<IReadOnlyList<RemoteTicketService>> GetServices(HallCatalogHolder hall) =>
        TypedResults.Ok<IReadOnlyList<RemoteTicketService>>(hall.Current.Services.Where(s => s.RemoteTicketing)
            .Select(s => new RemoteTicketService(s.Id, s.Name, s.NameEn, s.Prefix)).ToList());

    public static async Task<Created<IssuedTicket>> IssueAsync(RemoteTicketRequest request, TicketIssuer issuer, HallCatalogHolder hall,
        IOptions<QueueStorageOptions> options, HttpContext http)
    {
        if (request.ServiceId is { } id && hall.Current.FindService(id) is { RemoteTicketing: false } service)
        {
            throw QueueProblems.RemoteTicketingNotOffered(service.Name);
        }
        if (string.IsNullOrWhiteSpace(request.IdNumber))
        {
            throw QueueProblems.IdNumberRequired();
        }
        Security.FieldLimits.Check(request.IdNumber, "idNumber", 40);
        await RemoteTicketCap.EnsureAllowedAsync(request.IdNumber, Device, http.RequestServices, http.RequestAborted);
        var baseUrl = options.Value.TrackingBaseUrl(http.Request);
        var ticket = await issuer.IssueAsync(new IssueTicketRequest(request.ServiceId, IdNumber: request.IdNumber, Phone: request.Phone, SmsConsent: request.SmsConsent), new Actor(Device), baseUrl, cancellationToken: http.RequestAborted);
        return TypedResults.Created($"/api/tickets/{ticket.Id}", ticket);
    }
}

/// <param name="Phone">A mainland mobile for the text reminder (到号短信提醒); kept only with <paramref name="SmsConsent"/> true.</param>
public sealed record RemoteTicketRequest(int? ServiceId, string? IdNumber, string? Phone = null, bool? SmsConsent = null);

public sealed record RemoteTicketService(int Id, string Name, string NameEn, string Prefix);
