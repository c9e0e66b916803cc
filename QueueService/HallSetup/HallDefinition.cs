using Hall.Contracts.Api;
using System.Text.Json.Serialization;

namespace Hall.QueueService.HallSetup;

/// <summary>
/// The hall file: everything a hall is made of. The same shape is loaded from disk, stored in the database and
/// returned by <c>GET /api/admin/hall</c> (without PINs).
/// </summary>
public sealed record HallDefinition
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string TimeZone { get; init; } = "Asia/Shanghai";
    /// <summary>Opening hours of the hall, every day unless <see cref="OpenDays"/> says otherwise.</summary>
    public IReadOnlyList<TimeRange> OpeningHours { get; init; } = [];
    /// <summary>Days of the week the hall opens (monday … sunday). Empty means every day.</summary>
    public IReadOnlyList<DayOfWeek> OpenDays { get; init; } = [];
    /// <summary>Dated holidays and make-up workdays (节假日与调休), which override <see cref="OpenDays"/>.</summary>
    public IReadOnlyList<Calendar.CalendarEntry> Calendar { get; init; } = [];
    public string AnnouncementTemplate { get; init; } = "请{number}号到{window}号窗口办理";
    public string AnnouncementTemplateEn { get; init; } = "Number {number}, please go to window {window}";
    public QueueSelection Selection { get; init; } = QueueSelection.Preference;
    /// <summary>Starvation guard: after this many priority calls in a row at a window, a waiting normal ticket goes next.</summary>
    public int NormalAfterPriorityCalls { get; init; } = 3;
    public int MaxRecalls { get; init; } = 3;
    public int RatingTimeoutSeconds { get; init; } = 60;
    /// <summary>Reasons a citizen may tick under each level 1–5 (评价选项); a level not listed offers none.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Ratings.RatingOption>> RatingOptions { get; init; } = Ratings.RatingOptionDefaults.All;
    /// <summary>Working days (Monday to Friday) a bad rating's follow-up (回访/整改) has until its deadline.</summary>
    public int FollowUpWorkingDays { get; init; } = 15;
    /// <summary>A finish must say how the visit ended (办件结果); otherwise a finish without one is 即办件.</summary>
    public bool RequireOutcome { get; init; }
    /// <summary>延时服务: the last-ticket time after closing.</summary>
    public Queue.AfterHours.AfterHoursRules AfterHours { get; init; } = new();
    /// <summary>The reasons the console offers for a pause; 其他 with any text always works.</summary>
    public IReadOnlyList<Supervision.PauseApprovals.PauseReason> PauseReasons { get; init; } = Supervision.PauseApprovals.PauseReason.Defaults;
    public string? Notice { get; init; }

    /// <summary>The hall's complaint and supervision phones (投诉、监督电话).</summary>
    public HallContacts Contacts { get; init; } = new();
    /// <summary>
    /// Where a service requires the ID number, a kiosk may take it typed on its keypad when no card is read (a
    /// foreign passport, a card the reader refuses). False: only a read ID card will do.
    /// </summary>
    public bool IdKeypadFallback { get; init; } = true;
    public IReadOnlyList<ServiceDefinition> Services { get; init; } = [];
    public IReadOnlyList<WindowDefinition> Windows { get; init; } = [];
    public IReadOnlyList<ClerkDefinition> Clerks { get; init; } = [];
    public IReadOnlyList<DeviceDefinition> Devices { get; init; } = [];
    public HallSecurity Security { get; init; } = new();
    /// <summary>Rules for bookings across services (实名 limits, no-show bar).</summary>
    public HallAppointmentRules Appointments { get; init; } = new();
    /// <summary>How many working days a complaint (投诉) has until its answer is due.</summary>
    public Complaints.ComplaintRules Complaints { get; init; } = new();
}

/// <summary>How a window picks among its services: by its order of preference, or the oldest ticket across them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QueueSelection>))]
public enum QueueSelection
{
    [JsonStringEnumMemberName("preference")] Preference,
    [JsonStringEnumMemberName("oldest")] Oldest,
}

/// <summary>A span of local time, <c>"08:00"</c> to <c>"12:00"</c>; <c>"24:00"</c> is the end of the day.</summary>
public sealed record TimeRange(string From, string To);

public sealed record ServiceDefinition
{
    public int Id { get; init; }
    /// <summary>The service's code in the government service catalogue (事项编码).</summary>
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string NameEn { get; init; } = "";
    /// <summary>One of the eight categories of 分类综合 windows, or the department's name for a department window.</summary>
    public string Category { get; init; } = "";
    public string? Department { get; init; }
    public string Prefix { get; init; } = "";
    public int DailyQuota { get; init; } = 300;
    /// <summary>When tickets are issued; empty means the hall's opening hours.</summary>
    public IReadOnlyList<TimeRange> TicketingHours { get; init; } = [];
    /// <summary>申报材料, told all at once (一次性告知).</summary>
    public IReadOnlyList<string> Materials { get; init; } = [];
    /// <summary>承诺时限 at the window, in minutes.</summary>
    public int PromisedMinutes { get; init; } = 30;
    /// <summary>Used for wait estimates until the day has real service times.</summary>
    public int TypicalServiceMinutes { get; init; } = 10;
    /// <summary>A wait longer than this raises an alert for supervisors.</summary>
    public int WaitAlertMinutes { get; init; } = 30;
    /// <summary>网上取号: citizens may take a number for this service from the mobile page, as if at a kiosk.</summary>
    public bool RemoteTicketing { get; init; }
    /// <summary>实名取号: a ticket needs the citizen's ID number; the kiosk asks for the ID card (the keypad only as the hall allows).</summary>
    public bool RequiresId { get; init; }
    /// <summary>Appointment slots (预约) for the service; null means the service takes no appointments.</summary>
    public AppointmentSettings? Appointments { get; init; }

    /// <summary>The service's guide (办事指南) for the kiosk's guide mode, the phone pages and the ticket's QR code.</summary>
    public ServiceGuide? Guide { get; init; }

    /// <summary>Pinyin initials for the kiosk's search, where those computed from the name read a 多音字 wrongly.</summary>
    public string? Initials { get; init; }
}

/// <summary>How a service offers appointments: its slot grid, capacity and the check-in window around each slot.</summary>
public sealed record AppointmentSettings
{
    /// <summary>Length of a slot; slots follow each other from the start of each range in <see cref="Hours"/>.</summary>
    public int SlotMinutes { get; init; } = 30;
    /// <summary>How many citizens may book one slot.</summary>
    public int CapacityPerSlot { get; init; } = 3;
    /// <summary>How many days ahead (today counting as day 0) a slot may be booked.</summary>
    public int HorizonDays { get; init; } = 7;
    /// <summary>Hours with slots; empty means the service's ticketing hours (or the hall's opening hours).</summary>
    public IReadOnlyList<TimeRange> Hours { get; init; } = [];
    /// <summary>Days of the week with slots; empty means the hall's open days (every day when those are empty too).</summary>
    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];
    /// <summary>Dates (yyyy-MM-dd) the hall opens specially for appointments (延时服务, 节假日预约), whatever the day of the week.</summary>
    public IReadOnlyList<string> ExtraDates { get; init; } = [];
    /// <summary>
    /// Booking closes this many minutes before a slot starts. Negative keeps booking open into the slot
    /// (down to minus the slot length, i.e. until the slot ends).
    /// </summary>
    public int BookingCutoffMinutes { get; init; } = 60;
    /// <summary>Check-in with appointment priority opens this many minutes before the slot starts …</summary>
    public int CheckInBeforeMinutes { get; init; } = 30;
    /// <summary>
    /// … and closes this many minutes after the slot ends, so a citizen who comes at any time in the slot is on time;
    /// later the citizen gets a normal ticket and the booking counts as missed.
    /// </summary>
    public int CheckInAfterMinutes { get; init; } = 15;
}

[JsonConverter(typeof(JsonStringEnumConverter<WindowKind>))]
public enum WindowKind
{
    /// <summary>全面综合: serves every service.</summary>
    [JsonStringEnumMemberName("comprehensive")] Comprehensive,
    /// <summary>分类综合: serves one category.</summary>
    [JsonStringEnumMemberName("category")] Category,
    /// <summary>专窗: a department's own window.</summary>
    [JsonStringEnumMemberName("department")] Department,
    /// <summary>咨询导办: guidance.</summary>
    [JsonStringEnumMemberName("guidance")] Guidance,
}

public sealed record WindowDefinition
{
    public int Number { get; init; }
    public string Name { get; init; } = "";
    public string NameEn { get; init; } = "";
    public WindowKind Kind { get; init; }
    /// <summary>The services the window serves, in its order of preference.</summary>
    public IReadOnlyList<int> ServiceIds { get; init; } = [];
    public int? CallerAddress { get; init; }
    public int? EvaluatorAddress { get; init; }
    public int? LedAddress { get; init; }
}

public sealed record ClerkDefinition
{
    /// <summary>工号.</summary>
    public string StaffCode { get; init; } = "";
    public string Name { get; init; } = "";
    public string Unit { get; init; } = "";
    /// <summary>职务 (科员, 窗口负责人 …), shown on the window sign and in the board's staff on duty.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }
    /// <summary>The clerk's photo for the board's 岗位公示: a path on the hall server or an https address.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PhotoUrl { get; init; }
    /// <summary>The PIN as a salted hash (see <see cref="PinHasher"/>); never returned by the API.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PinHash { get; init; }
    /// <summary>A plain PIN is accepted in a hall file for convenience and replaced by its hash on import.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Pin { get; init; }
    /// <summary>The PIN was set by the administrator: the clerk must choose one of their own at the next login.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool MustChangePin { get; init; }
    public IReadOnlyList<int> APostWindows { get; init; } = [];
    public IReadOnlyList<int> BPostWindows { get; init; } = [];
    /// <summary>A supervisor (值班长, 督查): may log in to supervision, see follow-ups and alerts, and close them.</summary>
    public bool Supervisor { get; init; }
}
