namespace Hall.QueueService.HallSetup;

/// <summary>The hall file's <c>appointments</c> section: rules for every service's bookings.</summary>
public sealed record HallAppointmentRules
{
    public BookingLimits Limits { get; init; } = new();

    /// <summary>
    /// A cancelled booking's place reopens this many minutes after the cancellation, plus a random part of
    /// <see cref="CancelledSlotReopenSpreadMinutes"/>: a scalper who cancels cannot tell a waiting buyer when to book.
    /// 0 and 0 give the place back at once.
    /// </summary>
    public int CancelledSlotReopenMinutes { get; init; } = 30;

    /// <summary>The random extra wait (0 to this many minutes) before a cancelled place reopens.</summary>
    public int CancelledSlotReopenSpreadMinutes { get; init; } = 30;
}

/// <summary>
/// 实名 rules against scalpers (号贩子), counted per ID number (its keyed hash) and per phone across all services:
/// bookings per day, ISO week and month of the slot's date; after <see cref="NoShowsBeforeBar"/> missed bookings within
/// <see cref="NoShowWindowDays"/> days, no booking for <see cref="BarDays"/> days; remote tickets per ID number and day.
/// </summary>
public sealed record BookingLimits
{
    public int PerDay { get; init; } = 1;
    public int PerWeek { get; init; } = 2;
    public int PerMonth { get; init; } = 6;
    public int NoShowsBeforeBar { get; init; } = 2;
    public int NoShowWindowDays { get; init; } = 90;
    public int BarDays { get; init; } = 90;
    public int RemoteTicketsPerDay { get; init; } = 3;
}
