using System.Text.Json.Serialization;

namespace Hall.QueueService.Appointments;

/// <summary>Where a booking stands. Stored as its number.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AppointmentStatus>))]
public enum AppointmentStatus
{
    [JsonStringEnumMemberName("booked")] Booked = 0,
    [JsonStringEnumMemberName("checkedIn")] CheckedIn = 1,
    [JsonStringEnumMemberName("cancelled")] Cancelled = 2,
    /// <summary>Never checked in within its window (a late arrival still gets a normal ticket, but the booking stays missed).</summary>
    [JsonStringEnumMemberName("missed")] Missed = 3,
}

/// <summary>One slot of a service's day, as <c>GET /api/appointments/slots</c> lists it.</summary>
public sealed record AppointmentSlot(DateTimeOffset Start, DateTimeOffset End, int Capacity, int Remaining, bool Bookable);

/// <summary><c>POST /api/appointments</c>.</summary>
/// <param name="SmsConsent">The booking's phone (a mainland mobile) also receives the text reminder (到号短信提醒) of the ticket it becomes.</param>
public sealed record BookAppointmentRequest(int? ServiceId, DateTimeOffset? SlotStart, string? Name, string? Phone, string? IdNumber = null, bool? SmsConsent = null);

/// <summary>A booking as the citizen and the hall see it; the phone and ID number only masked.</summary>
public sealed record AppointmentView(
    string Code,
    int ServiceId,
    string ServiceName,
    string ServiceNameEn,
    DateTimeOffset SlotStart,
    DateTimeOffset SlotEnd,
    AppointmentStatus Status,
    DateTimeOffset CheckInFrom,
    DateTimeOffset CheckInUntil,
    string MaskedPhone,
    string? MaskedIdNumber,
    Guid? TicketId,
    string Channel = AppointmentChannels.Web);

/// <summary>How a booking was made: on the web (the phone pages), or by staff for a citizen at the counter or on the phone (当面、电话预约).</summary>
public static class AppointmentChannels
{
    public const string Web = "web";
    public const string Counter = "counter";
    public const string Phone = "phone";

    /// <summary>Staff bookings keep their channel as the booking's source device.</summary>
    public static string Of(string? source) => source is Counter or Phone ? source : Web;
}

/// <summary><c>POST /api/appointments/for-citizen</c>: staff book for a citizen at the counter or on the phone.</summary>
public sealed record StaffBookingRequest(int? ServiceId, DateTimeOffset? SlotStart, string? Name, string? Phone, string? Channel,
    string? IdNumber = null, bool? SmsConsent = null);

/// <summary>A service that takes appointments, with what the booking page needs to offer days and slots.</summary>
public sealed record AppointmentServiceInfo(int Id, string Name, string NameEn, string Prefix, int SlotMinutes, int HorizonDays,
    int CheckInBeforeMinutes, int CheckInAfterMinutes, IReadOnlyList<DateOnly> Dates);

/// <summary>A row of <c>appointments</c>.</summary>
public sealed class AppointmentRow
{
    public string Code { get; set; } = "";
    public string HallId { get; set; } = "";
    public int ServiceId { get; set; }
    public string HallDate { get; set; } = "";
    public long SlotStart { get; set; }
    public long SlotEnd { get; set; }
    public long CheckInFrom { get; set; }
    public long CheckInUntil { get; set; }
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string? IdHash { get; set; }
    public string? IdMasked { get; set; }
    public int Status { get; set; }
    public long BookedAt { get; set; }
    public long? CancelledAt { get; set; }
    public long? CheckedInAt { get; set; }
    public long? MissedAt { get; set; }
    public string? TicketId { get; set; }
    public string? Source { get; set; }
    public int SmsConsent { get; set; }

    public AppointmentStatus StatusValue => (AppointmentStatus)Status;
}

/// <summary>Kinds of event rows for bookings (the ticket's own rows are written by the issuer).</summary>
public static class AppointmentEventKinds
{
    public const string Booked = "appointmentBooked";
    public const string Cancelled = "appointmentCancelled";
    public const string CheckedIn = "appointmentCheckedIn";
    public const string Missed = "appointmentMissed";
}
