using Hall.QueueService.Appointments;
using Hall.QueueService.Queue;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Security.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>Appointments (预约): slots, booking, cancelling, and the booking's QR code. Check-in is <c>POST /api/tickets</c> with the code.</summary>
public static class AppointmentsApi
{
    public static RouteGroupBuilder MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/appointments").WithTags("Appointments");
        group.MapGet("/services", GetServices).WithSummary("Services that take appointments, with the dates that can be booked");
        group.MapGet("/slots", GetSlotsAsync).WithSummary("A service's slots on a day, with capacity and places left")
            .Refuses(ProblemKind.Invalid, ProblemKind.NotFound, ProblemKind.Conflict);
        group.MapPost("/", BookAsync).WithSummary("Book a slot; 409 when it is full or past").RequireRateLimiting(HallRateLimiting.Appointments)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.TooMany);
        group.MapPost("/for-citizen", BookForCitizenAsync).RequireAuthorization(HallPolicies.Staff)
            .WithSummary("Staff book a slot for a citizen at the counter or on the phone (当面、电话预约); the same rules as a web booking")
            .Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict);
        group.MapGet("/{code}", GetAsync).WithSummary("A booking by its code").Refuses(ProblemKind.NotFound);
        group.MapGet("/{code}/qr.svg", GetQrCodeAsync).WithSummary("The booking code as a QR code (SVG)").Refuses(ProblemKind.NotFound);
        group.MapDelete("/{code}", CancelAsync).WithSummary("Cancel a booking; its place is freed").RequireRateLimiting(HallRateLimiting.AnonymousWrites)
            .Refuses(ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.TooMany);
        return group;
    }

    public static Ok<IReadOnlyList<AppointmentServiceInfo>> GetServices(AppointmentBook book) => TypedResults.Ok(book.Services());

    public static async Task<Ok<IReadOnlyList<AppointmentSlot>>> GetSlotsAsync(int? serviceId, string? date, AppointmentBook book, CancellationToken cancellationToken) =>
        TypedResults.Ok(await book.ListSlotsAsync(serviceId, date, cancellationToken));

    public static async Task<Created<AppointmentView>> BookAsync(BookAppointmentRequest request, AppointmentBook book, HttpContext http)
    {
        var appointment = await book.BookAsync(request, RequestActor.From(http), http.RequestAborted);
        return TypedResults.Created($"/api/appointments/{appointment.Code}", appointment);
    }

    public static async Task<Created<AppointmentView>> BookForCitizenAsync(StaffBookingRequest request, AppointmentBook book, HttpContext http)
    {
        if (request.Channel is not (AppointmentChannels.Counter or AppointmentChannels.Phone))
        {
            throw QueueProblems.BookingChannelRequired();
        }
        // The channel is the booking's source; the event row names the member of staff who booked.
        var staff = HallSchemes.ClerkSessionOf(http.User) is { } session
            ? new Actor(request.Channel, session.StaffCode, session.WindowNumber)
            : new Actor(request.Channel, HallSchemes.ActingStaff(http.User) ?? "admin");
        var appointment = await book.BookAsync(new BookAppointmentRequest(request.ServiceId, request.SlotStart, request.Name, request.Phone,
            request.IdNumber, request.SmsConsent), staff, http.RequestAborted);
        return TypedResults.Created($"/api/appointments/{appointment.Code}", appointment);
    }

    public static async Task<Ok<AppointmentView>> GetAsync(string code, AppointmentBook book, CancellationToken cancellationToken) =>
        TypedResults.Ok(await book.GetAsync(code, cancellationToken));

    public static async Task<ContentHttpResult> GetQrCodeAsync(string code, AppointmentBook book, CancellationToken cancellationToken)
    {
        var appointment = await book.GetAsync(code, cancellationToken);
        return TypedResults.Content(AppointmentQrCode.Svg(appointment.Code), "image/svg+xml");
    }

    public static async Task<Ok<AppointmentView>> CancelAsync(string code, AppointmentBook book, HttpContext http) =>
        TypedResults.Ok(await book.CancelAsync(code, RequestActor.From(http), http.RequestAborted));
}
