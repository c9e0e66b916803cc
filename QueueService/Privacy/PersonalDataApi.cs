using Hall.QueueService.Api;
using Hall.QueueService.Appointments;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hall.QueueService.Privacy;

/// <summary>
/// 个人信息查询与删除: the administrator finds what the hall holds about one person (by ID number or phone) and erases
/// it. Both are POSTs so that the ID number never appears in a URL, an access log or a proxy's log.
/// </summary>
public static class PersonalDataApi
{
    public static RouteGroupBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/personal-data").WithTags("Administration").RequireAuthorization(HallPolicies.Administrator)
            .Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated);
        group.MapPost("/search", FindAsync)
            .WithSummary("What the hall holds about one person { idNumber?, phone? }: tickets carrying the ID number and appointments (masked)");
        group.MapPost("/erase", EraseAsync)
            .WithSummary("Erase one person's name, phone and ID number from every ticket and appointment, however old (个人信息删除); recorded as an event");
        return group;
    }

    public static async Task<Results<Ok<PersonalDataFound>, BadRequest<ProblemDetails>>> FindAsync(
        PersonSoughtRequest request, PersonalDataEraser eraser, CancellationToken cancellationToken) =>
        TypedResults.Ok(await eraser.FindAsync(Checked(request), cancellationToken));

    public static async Task<Results<Ok<ErasedPersonalData>, BadRequest<ProblemDetails>>> EraseAsync(
        PersonSoughtRequest request, PersonalDataEraser eraser, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await eraser.EraseOneAsync(Checked(request), AdminRequest.Administrator(http), cancellationToken));

    private static PersonSought Checked(PersonSoughtRequest request)
    {
        FieldLimits.Check(request.IdNumber, "idNumber", 40);
        FieldLimits.Check(request.Phone, "phone", 40);
        var idNumber = string.IsNullOrWhiteSpace(request.IdNumber) ? null : request.IdNumber.Trim();
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : PhoneNumbers.Checked(request.Phone);
        if (idNumber is null && phone is null)
        {
            throw QueueProblems.PersonRequired();
        }
        // A wrong ID number is refused where it is hashed (HallSecrets.ProtectIdNumber, 400 invalidIdNumber).
        return new PersonSought(idNumber, phone);
    }
}

/// <summary>The body of both requests: an ID number, a phone number, or both.</summary>
public sealed record PersonSoughtRequest(string? IdNumber, string? Phone);
