using System.Text.Json;
using Hall.QueueService.Api;
using Hall.QueueService.Appointments;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.HallSetup.Calendar;

/// <summary>
/// The hall calendar a year at a time: anyone may read it (kiosks and phone pages say when the hall is closed); the
/// administrator replaces a year with entries or with the text typed from the State Council's notice. A change is a
/// hall change (stored, audited, swapped on every instance) and answers the bookings that now fall on a holiday, so
/// staff can move them; none is dropped.
/// </summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/calendar", GetYear).WithTags("Hall calendar")
            .WithSummary("The year's holidays and make-up workdays (节假日与调休), in date order").Refuses(ProblemKind.Invalid);
        return app;
    }

    /// <summary>Mapped inside the administration group, which carries its policy and request guard.</summary>
    public static RouteGroupBuilder MapAdminCalendarApi(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/calendar").WithTags("Hall calendar").Refuses(ProblemKind.Conflict);
        group.MapGet("/{year:int}/text", GetYearText).WithSummary("The year as the import text, ranges joined");
        group.MapPut("/{year:int}", ReplaceYearAsync)
            .WithSummary("Replaces the year's entries (a JSON list, or { entries }); answers the bookings now on a holiday");
        group.MapPost("/{year:int}/import", ImportYearAsync)
            .WithSummary("Replaces the year from the notice's text { text }: lines 'name date|from..to 休|班'");
        return group;
    }

    public static Ok<IReadOnlyList<CalendarEntry>> GetYear(string? year, HallCatalogHolder hall, TimeProvider time)
    {
        var catalog = hall.Current;
        var y = year is null ? catalog.HallDate(time.GetUtcNow()).Year : ParseYear(year);
        return TypedResults.Ok<IReadOnlyList<CalendarEntry>>(catalog.Definition.Calendar.Where(e => CalendarRules.InYear(e, y)).ToList());
    }

    public static Ok<CalendarYearText> GetYearText(int year, HallCatalogHolder hall)
    {
        CheckYear(year);
        return TypedResults.Ok(new CalendarYearText(year, CalendarText.Format(hall.Current.Definition.Calendar.Where(e => CalendarRules.InYear(e, year)))));
    }

    public static async Task<Ok<CalendarYearChange>> ReplaceYearAsync(int year, HttpContext http, HallEditor editor, QueueDatabase database,
        HallCatalogHolder hall, TimeProvider time, CancellationToken cancellationToken)
    {
        CheckYear(year);
        var entries = ReadEntries(await AdminRequest.ReadTextAsync(http.Request, cancellationToken));
        return TypedResults.Ok(await ApplyAsync(year, entries, http, editor, database, hall, time, cancellationToken));
    }

    public static async Task<Ok<CalendarYearChange>> ImportYearAsync(int year, HttpContext http, HallEditor editor, QueueDatabase database,
        HallCatalogHolder hall, TimeProvider time, CancellationToken cancellationToken)
    {
        CheckYear(year);
        CalendarImportRequest request;
        try
        {
            request = HallImport.Read<CalendarImportRequest>(await AdminRequest.ReadTextAsync(http.Request, cancellationToken), "calendar import");
        }
        catch (HallFileException e)
        {
            throw QueueProblems.InvalidCalendar(year, [e.Message]);
        }
        var parsed = CalendarText.Parse(request.Text ?? "", year);
        if (parsed.Errors.Count > 0)
        {
            throw QueueProblems.InvalidCalendar(year, parsed.Errors);
        }
        return TypedResults.Ok(await ApplyAsync(year, parsed.Entries, http, editor, database, hall, time, cancellationToken));
    }

    private static async Task<CalendarYearChange> ApplyAsync(int year, IReadOnlyList<CalendarEntry> entries, HttpContext http, HallEditor editor,
        QueueDatabase database, HallCatalogHolder hall, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        CalendarRules.Check(entries, "entries", errors);
        errors.AddRange(entries.Where(e => !CalendarRules.InYear(e, year)).Select(e => $"entries: {e.Date} is not in {year}"));
        if (errors.Count > 0)
        {
            throw QueueProblems.InvalidCalendar(year, errors);
        }
        var holidays = entries.Count(e => e.Kind == CalendarDayKind.Holiday);
        var next = await editor.ChangeAsync(d => d with { Calendar = CalendarRules.ReplaceYear(d.Calendar, year, entries) },
            $"calendar {year}: {holidays} holidays, {entries.Count - holidays} make-up workdays", AdminRequest.Administrator(http), cancellationToken);
        var onHoliday = (await BookingsOutsideOffer.FindAsync(database, hall.Current, time.GetUtcNow(), cancellationToken))
            .Where(b => b.OnHoliday).Select(b => new BookingToMove(b.Appointment, b.Reason)).ToList();
        return new CalendarYearChange(year, next.Calendar.Where(e => CalendarRules.InYear(e, year)).ToList(), onHoliday);
    }

    private static IReadOnlyList<CalendarEntry> ReadEntries(string json)
    {
        try
        {
            var list = json.TrimStart().StartsWith('[')
                ? HallImport.Read<List<CalendarEntry>>(json, "calendar")
                : HallImport.Read<CalendarYearRequest>(json, "calendar").Entries;
            return list;
        }
        catch (HallFileException e)
        {
            throw QueueProblems.InvalidHall([e.Message]);
        }
    }

    private static int ParseYear(string text) =>
        int.TryParse(text, out var year) && year is >= 2000 and <= 2100 ? year : throw QueueProblems.InvalidYear(text);

    private static void CheckYear(int year)
    {
        if (year is < 2000 or > 2100)
        {
            throw QueueProblems.InvalidYear(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

public sealed record CalendarYearRequest(IReadOnlyList<CalendarEntry> Entries);

public sealed record CalendarImportRequest(string? Text);

public sealed record CalendarYearText(int Year, string Text);

/// <param name="BookingsToMove">Active bookings on a day now declared a holiday: staff contact the citizens to move them.</param>
public sealed record CalendarYearChange(int Year, IReadOnlyList<CalendarEntry> Entries, IReadOnlyList<BookingToMove> BookingsToMove);

public sealed record BookingToMove(AppointmentView Appointment, string Reason);
