using Hall.QueueService.HallSetup.Calendar;

namespace Hall.QueueService.HallSetup;

/// <summary>The loaded hall with fast lookups; immutable, swapped as a whole when an administrator changes the hall.</summary>
public sealed class HallCatalog
{
    private readonly Dictionary<int, ServiceDefinition> _services;
    private readonly Dictionary<int, WindowDefinition> _windows;
    private readonly Dictionary<string, ClerkDefinition> _clerks;
    private readonly Dictionary<int, IReadOnlyList<int>> _windowsByService;

    public HallCatalog(HallDefinition definition)
    {
        Definition = definition;
        TimeZone = HallDefinitionValidator.TryFindTimeZone(definition.TimeZone)
            ?? throw new HallFileException($"timeZone: '{definition.TimeZone}' is not a known time zone");
        _services = definition.Services.ToDictionary(s => s.Id);
        _windows = definition.Windows.ToDictionary(w => w.Number);
        _clerks = definition.Clerks.ToDictionary(c => c.StaffCode, StringComparer.Ordinal);
        _windowsByService = definition.Services.ToDictionary(
            s => s.Id,
            s => (IReadOnlyList<int>)definition.Windows.Where(w => w.ServiceIds.Contains(s.Id)).Select(w => w.Number).Order().ToList());
        Calendar = new HallCalendar(definition.Calendar, definition.OpenDays);
    }

    /// <summary>Holidays, make-up workdays and working-day counting: the one calculator everything uses.</summary>
    public HallCalendar Calendar { get; }

    public HallDefinition Definition { get; }

    public string HallId => Definition.Id;

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyList<ServiceDefinition> Services => Definition.Services;

    public IReadOnlyList<WindowDefinition> Windows => Definition.Windows;

    public ServiceDefinition? FindService(int id) => _services.GetValueOrDefault(id);

    public WindowDefinition? FindWindow(int number) => _windows.GetValueOrDefault(number);

    public ClerkDefinition? FindClerk(string staffCode) => _clerks.GetValueOrDefault(staffCode);

    public WindowDefinition? FindWindowByDevice(int address) =>
        Definition.Windows.FirstOrDefault(w => w.CallerAddress == address || w.EvaluatorAddress == address || w.LedAddress == address);

    public IReadOnlyList<int> WindowsServing(int serviceId) => _windowsByService.GetValueOrDefault(serviceId) ?? [];

    public string ServiceName(int serviceId) => FindService(serviceId)?.Name ?? $"#{serviceId}";

    public string WindowName(int number) => FindWindow(number)?.Name ?? $"{number}号窗口";

    /// <summary>The hall's local wall-clock time for an instant.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>The hall day an instant belongs to: numbers restart at local midnight.</summary>
    public DateOnly HallDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    public DateTimeOffset ToOffset(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The first instant of a hall day.</summary>
    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    /// <summary>The holiday's name when the hall date of <paramref name="instant"/> is a declared holiday.</summary>
    public string? HolidayAt(DateTimeOffset instant) => Calendar.HolidayOn(HallDate(instant));

    public bool IsHallOpen(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return Calendar.IsOpenDay(DateOnly.FromDateTime(local)) && IsWithin(Definition.OpeningHours, local);
    }

    public IReadOnlyList<TimeRange> TicketingHours(ServiceDefinition service) =>
        service.TicketingHours.Count > 0 ? service.TicketingHours : Definition.OpeningHours;

    public bool IsTicketing(ServiceDefinition service, DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return Calendar.IsOpenDay(DateOnly.FromDateTime(local)) && (IsWithin(TicketingHours(service), local) || IsLastTicketGrace(service, local));
    }

    /// <summary>The hall's closing time: the end of its last opening range, minutes after midnight.</summary>
    public int ClosingMinute => Definition.OpeningHours.Max(r => HallDefinitionValidator.ParseTime(r.To) ?? 0);

    /// <summary>延时服务: after closing on an open day, or any time on a day the hall is closed (a holiday appointment).</summary>
    public bool IsAfterClosing(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return !Calendar.IsOpenDay(DateOnly.FromDateTime(local)) || local.Hour * 60 + local.Minute >= ClosingMinute;
    }

    /// <summary>
    /// The last-ticket time (<c>afterHours.ticketingMinutesAfterClosing</c>): kiosks keep issuing for the citizens
    /// already in the hall at closing, for services whose ticketing runs until closing.
    /// </summary>
    private bool IsLastTicketGrace(ServiceDefinition service, DateTime local)
    {
        var grace = Definition.AfterHours.TicketingMinutesAfterClosing;
        if (grace <= 0)
        {
            return false;
        }
        var ticketingEnd = TicketingHours(service).Max(r => HallDefinitionValidator.ParseTime(r.To) ?? 0);
        var minute = local.Hour * 60 + local.Minute;
        return ticketingEnd >= ClosingMinute && minute >= ticketingEnd && minute < ticketingEnd + grace;
    }

    public static string Describe(IReadOnlyList<TimeRange> ranges) => string.Join("、", ranges.Select(r => $"{r.From}–{r.To}"));

    private static bool IsWithin(IReadOnlyList<TimeRange> ranges, DateTime local)
    {
        var minute = local.Hour * 60 + local.Minute;
        foreach (var range in ranges)
        {
            var from = HallDefinitionValidator.ParseTime(range.From) ?? 0;
            var to = HallDefinitionValidator.ParseTime(range.To) ?? 0;
            if (minute >= from && minute < to)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>The hall in force now. Swapped atomically on an administrator's change.</summary>
public sealed class HallCatalogHolder
{
    private HallCatalog? _current;

    public HallCatalog Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The hall is not loaded yet.");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    public void Set(HallCatalog catalog) => Volatile.Write(ref _current, catalog);
}

/// <summary>A hall file that cannot be used; the message names the bad field.</summary>
public sealed class HallFileException(string message) : Exception(message);
