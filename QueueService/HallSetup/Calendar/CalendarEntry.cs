using System.Text.Json.Serialization;

namespace Hall.QueueService.HallSetup.Calendar;

/// <summary>
/// One dated exception to the hall's weekly pattern, as the State Council's yearly notice declares it: a public
/// holiday (放假) or a make-up working day on a weekend (调休上班).
/// </summary>
public sealed record CalendarEntry
{
    /// <summary>The hall date, <c>YYYY-MM-DD</c>.</summary>
    public string Date { get; init; } = "";

    public CalendarDayKind Kind { get; init; }

    /// <summary>The holiday it belongs to (国庆节, or for a make-up day the holiday it pays for).</summary>
    public string Name { get; init; } = "";
}

[JsonConverter(typeof(JsonStringEnumConverter<CalendarDayKind>))]
public enum CalendarDayKind
{
    /// <summary>放假: closed whatever the weekly hours; not a working day.</summary>
    [JsonStringEnumMemberName("holiday")] Holiday,

    /// <summary>调休上班: a weekend day that is a working day, open with the weekday hours.</summary>
    [JsonStringEnumMemberName("workday")] Workday,
}
