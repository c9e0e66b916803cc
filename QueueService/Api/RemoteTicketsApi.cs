using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
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
        group.MapPost("/", IssueAsync).WithSummary("Take a number from the phone (网上取号)");
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
            throw QueueRuleException.Conflict("remoteTicketingNotOffered", $"“{service.Name}”不支持网上取号，请到大厅取号机取号。This service issues numbers in the hall only.");
        }
        if (string.IsNullOrWhiteSpace(request.IdNumber))
        {
            throw QueueRuleException.BadRequest("idNumberRequired", "网上取号需填写身份证号（仅保存后四位）。An ID number is required to take a number from the phone.");
        }
        var baseUrl = options.Value.TrackingBaseUrl(http.Request);
        var ticket = await issuer.IssueAsync(new IssueTicketRequest(request.ServiceId, IdNumber: request.IdNumber), new Actor(Device), baseUrl, cancellationToken: http.RequestAborted);
        return TypedResults.Created($"/api/tickets/{ticket.Id}", ticket);
    }
}

public sealed record RemoteTicketRequest(int? ServiceId, string? IdNumber);

public sealed record RemoteTicketService(int Id, string Name, string NameEn, string Prefix);
