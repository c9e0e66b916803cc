using Hall.Contracts.Api;
using System.Globalization;

namespace Hall.QueueService.HallSetup;

/// <summary>Checks a hall definition and names every bad field, so a broken hall file stops start-up with a clear message.</summary>
public static class HallDefinitionValidator
{
    /// <summary>The eight categories of 分类综合 windows (the customer's domain notes).</summary>
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal)
    {
        "市场准入", "投资建设", "国土规划", "交通运输", "环境保护", "安全生产", "城市管理", "民生保障",
    };

    public static IReadOnlyList<string> Validate(HallDefinition hall)
    {
        var errors = new List<string>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add($"{field}: {message}");
            }
        }

        Check(!string.IsNullOrWhiteSpace(hall.Id), "id", "is required");
        Check(!string.IsNullOrWhiteSpace(hall.Name), "name", "is required");
        Check(TryFindTimeZone(hall.TimeZone) is not null, "timeZone", $"'{hall.TimeZone}' is not a known time zone");
        Check(hall.OpeningHours.Count > 0, "openingHours", "needs at least one range");
        CheckRanges(hall.OpeningHours, "openingHours", errors);
        Check(hall.AnnouncementTemplate.Contains("{number}", StringComparison.Ordinal) && hall.AnnouncementTemplate.Contains("{window}", StringComparison.Ordinal),
            "announcementTemplate", "must contain {number} and {window}");
        Check(hall.NormalAfterPriorityCalls >= 1, "normalAfterPriorityCalls", "must be at least 1");
        Check(hall.MaxRecalls >= 1, "maxRecalls", "must be at least 1");
        Check(hall.RatingTimeoutSeconds is >= 5 and <= 3600, "ratingTimeoutSeconds", "must be between 5 and 3600");
        Check(hall.FollowUpWorkingDays is >= 1 and <= 60, "followUpWorkingDays", "must be between 1 and 60");
        Ratings.RatingOptionRules.Check(hall.RatingOptions, "ratingOptions", errors);
        Calendar.CalendarRules.Check(hall.Calendar, "calendar", errors);
        Complaints.ComplaintRules.Check(hall.Complaints, "complaints", errors);
        Supervision.PauseApprovals.PauseReason.Check(hall.PauseReasons, "pauseReasons", errors);
        Queue.AfterHours.AfterHoursRules.Check(hall.AfterHours, "afterHours", errors);
        Check(hall.Services.Count > 0, "services", "needs at least one service");
        Check(hall.Windows.Count > 0, "windows", "needs at least one window");

        var serviceIds = new HashSet<int>();
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < hall.Services.Count; i++)
        {
            var s = hall.Services[i];
            var f = $"services[{i}]";
            Check(s.Id > 0, f + ".id", "must be a positive number");
            Check(serviceIds.Add(s.Id), f + ".id", $"{s.Id} is used twice");
            Check(!string.IsNullOrWhiteSpace(s.Code), f + ".code", "is required");
            Check(!string.IsNullOrWhiteSpace(s.Name), f + ".name", "is required");
            Check(s.Prefix.Length is 1 or 2 && s.Prefix.All(char.IsAsciiLetterUpper), f + ".prefix", $"'{s.Prefix}' must be one or two capital letters A–Z");
            Check(prefixes.Add(s.Prefix), f + ".prefix", $"'{s.Prefix}' is used twice");
            Check(Categories.Contains(s.Category) || (s.Department is not null && s.Category == s.Department), f + ".category",
                $"'{s.Category}' must be one of {string.Join("、", Categories)}, or equal to the service's department");
            Check(s.DailyQuota is >= 1 and <= 999, f + ".dailyQuota", "must be between 1 and 999 (numbers have three digits)");
            Check(s.PromisedMinutes >= 1, f + ".promisedMinutes", "must be at least 1");
            Check(s.TypicalServiceMinutes >= 1, f + ".typicalServiceMinutes", "must be at least 1");
            Check(s.WaitAlertMinutes >= 1, f + ".waitAlertMinutes", "must be at least 1");
            CheckRanges(s.TicketingHours, f + ".ticketingHours", errors);
            Check(!(s.RequiresId && s.RemoteTicketing && !hall.IdKeypadFallback), f + ".remoteTicketing",
                "a service that requires the ID card while idKeypadFallback is off cannot be taken from the phone, where the number is typed");
            if (s.Appointments is { } a)
            {
                var af = f + ".appointments";
                Check(a.SlotMinutes is >= 5 and <= 480, af + ".slotMinutes", "must be between 5 and 480");
                Check(a.CapacityPerSlot is >= 1 and <= 999, af + ".capacityPerSlot", "must be between 1 and 999");
                Check(a.HorizonDays is >= 0 and <= 366, af + ".horizonDays", "must be between 0 and 366");
                Check(a.BookingCutoffMinutes >= -a.SlotMinutes && a.BookingCutoffMinutes <= 60 * 24 * 30, af + ".bookingCutoffMinutes",
                    "must be between minus the slot length (booking open until the slot ends) and 43200 (30 days)");
                Check(a.CheckInBeforeMinutes is >= 0 and <= 24 * 60, af + ".checkInBeforeMinutes", "must be between 0 and 1440");
                Check(a.CheckInAfterMinutes is >= 0 and <= 24 * 60, af + ".checkInAfterMinutes", "must be between 0 and 1440");
                CheckRanges(a.Hours, af + ".hours", errors);
                for (var d = 0; d < a.ExtraDates.Count; d++)
                {
                    Check(DateOnly.TryParseExact(a.ExtraDates[d], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                        $"{af}.extraDates[{d}]", $"'{a.ExtraDates[d]}' must be a date like 2026-12-31");
                }
            }
            if (s.Guide is { } guide)
            {
                ServiceGuideRules.Check(guide, f + ".guide", errors);
            }
            Check(s.Initials is null || (s.Initials.Length is >= 1 and <= 20 && s.Initials.All(char.IsAsciiLetterUpper)), f + ".initials",
                "must be 1 to 20 capital letters A–Z");
        }
        ServiceGuideRules.CheckContacts(hall.Contacts, errors);

        var numbers = new HashSet<int>();
        var addresses = new HashSet<int>();
        for (var i = 0; i < hall.Windows.Count; i++)
        {
            var w = hall.Windows[i];
            var f = $"windows[{i}]";
            Check(w.Number is >= 1 and <= 999, f + ".number", "must be between 1 and 999");
            Check(numbers.Add(w.Number), f + ".number", $"{w.Number} is used twice");
            Check(!string.IsNullOrWhiteSpace(w.Name), f + ".name", "is required");
            Check(w.ServiceIds.Count > 0, f + ".serviceIds", "needs at least one service");
            foreach (var id in w.ServiceIds)
            {
                Check(serviceIds.Contains(id), f + ".serviceIds", $"service {id} does not exist");
            }
            foreach (var (name, address) in new[] { ("callerAddress", w.CallerAddress), ("evaluatorAddress", w.EvaluatorAddress), ("ledAddress", w.LedAddress) })
            {
                if (address is { } a)
                {
                    Check(a is >= 1 and <= 247, $"{f}.{name}", "must be between 1 and 247");
                    Check(addresses.Add(a), $"{f}.{name}", $"address {a} is used twice");
                }
            }
        }

        var staffCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < hall.Clerks.Count; i++)
        {
            var c = hall.Clerks[i];
            var f = $"clerks[{i}]";
            Check(!string.IsNullOrWhiteSpace(c.StaffCode), f + ".staffCode", "is required");
            Check(staffCodes.Add(c.StaffCode), f + ".staffCode", $"'{c.StaffCode}' is used twice");
            Check(!string.IsNullOrWhiteSpace(c.Name), f + ".name", "is required");
            Check(c.Title is null || c.Title.Length <= ServiceGuideRules.MaxTitle, f + ".title", $"must be at most {ServiceGuideRules.MaxTitle} characters");
            Check(c.PhotoUrl is null || ServiceGuideRules.IsHttps(c.PhotoUrl) || ServiceGuideRules.IsServerPath(c.PhotoUrl), f + ".photoUrl",
                "must be a path on the hall server (/photos/…) or an https:// address");
            Check(PinHasher.IsHash(c.PinHash) || c.Pin is { Length: >= 4 }, f + ".pinHash", "a PIN hash (or a pin of at least 4 digits) is required");
            foreach (var n in c.APostWindows.Concat(c.BPostWindows))
            {
                Check(numbers.Contains(n), f + ".aPostWindows/bPostWindows", $"window {n} does not exist");
            }
        }

        Check(hall.Security.IssuesPerMinute is >= 1 and <= 600, "security.issuesPerMinute", "must be between 1 and 600");
        var limits = hall.Appointments.Limits;
        Check(limits.PerDay >= 1 && limits.PerWeek >= limits.PerDay && limits.PerMonth >= limits.PerWeek, "appointments.limits",
            "needs perDay ≥ 1, perWeek ≥ perDay and perMonth ≥ perWeek");
        Check(limits.NoShowsBeforeBar >= 1 && limits.NoShowWindowDays >= 1 && limits.BarDays >= 0, "appointments.limits",
            "needs noShowsBeforeBar ≥ 1, noShowWindowDays ≥ 1 and barDays ≥ 0");
        Check(limits.RemoteTicketsPerDay >= 1, "appointments.limits.remoteTicketsPerDay", "must be at least 1");
        Check(hall.Appointments.CancelledSlotReopenMinutes is >= 0 and <= 1440, "appointments.cancelledSlotReopenMinutes", "must be between 0 and 1440");
        Check(hall.Appointments.CancelledSlotReopenSpreadMinutes is >= 0 and <= 1440, "appointments.cancelledSlotReopenSpreadMinutes", "must be between 0 and 1440");
        Check(hall.Security.ElderlyAlertPerKioskHour is >= 1 and <= 10000, "security.elderlyAlertPerKioskHour", "must be between 1 and 10000");
        Check(hall.Security.SupervisorSessionHours is >= 1 and <= 24, "security.supervisorSessionHours", "must be between 1 and 24");
        var deviceIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < hall.Devices.Count; i++)
        {
            var d = hall.Devices[i];
            var f = $"devices[{i}]";
            Check(d.Id.Length is >= 1 and <= 40 && d.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'), f + ".id",
                $"'{d.Id}' must be 1–40 lower-case letters, digits or dashes");
            Check(deviceIds.Add(d.Id), f + ".id", $"'{d.Id}' is used twice");
            Check(Enum.IsDefined(d.Kind), f + ".kind", "must be kiosk, board, evaluator or busGateway");
            Check(!string.IsNullOrWhiteSpace(d.Name), f + ".name", "is required");
            Check(d.WindowNumber is null || numbers.Contains(d.WindowNumber.Value), f + ".windowNumber", $"window {d.WindowNumber} does not exist");
            Check(d.Kind != DeviceKind.Evaluator || d.WindowNumber is not null, f + ".windowNumber", "an evaluator tablet needs the window it rates");
            Check(d.IssuesPerMinute is null or (>= 1 and <= 600), f + ".issuesPerMinute", "must be between 1 and 600");
            Check(d.Key is null || d.Key.StartsWith(d.Id + ".", StringComparison.Ordinal) && d.Key.Length >= d.Id.Length + 9, f + ".key",
                "must be the device id, a dot and at least 8 more characters");
        }
        return errors;
    }

    public static TimeZoneInfo? TryFindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static void CheckRanges(IReadOnlyList<TimeRange> ranges, string field, List<string> errors)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            var r = ranges[i];
            if (ParseTime(r.From) is not { } from || ParseTime(r.To) is not { } to)
            {
                errors.Add($"{field}[{i}]: '{r.From}'–'{r.To}' must be times like 08:00 and 17:30");
            }
            else if (to <= from)
            {
                errors.Add($"{field}[{i}]: '{r.To}' must be after '{r.From}'");
            }
        }
    }

    /// <summary>Minutes after midnight for <c>HH:mm</c>; <c>24:00</c> is 1440.</summary>
    public static int? ParseTime(string? text)
    {
        if (text == "24:00")
        {
            return 24 * 60;
        }
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t.Hour * 60 + t.Minute
            : null;
    }
}
