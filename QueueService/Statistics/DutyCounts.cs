using System.Globalization;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue.AfterHours;
using Hall.QueueService.Queue.Outcomes;

namespace Hall.QueueService.Statistics;

/// <summary>
/// The counts kept beside the tickets: 承诺件 due and overdue (by due date, from <c>ticket_outcomes</c>) and after-hours
/// visits (<c>after_hours_visits</c>), read once and summed for the total, each service, window and clerk.
/// </summary>
public sealed class DutyCounts
{
    public const string All = "all";
    public const string Service = "service";
    public const string Window = "window";
    public const string Clerk = "clerk";

    private readonly Dictionary<(string Slice, string Key), (long Due, long Overdue, long AfterHours)> _sums = [];

    public static async Task<DutyCounts> ReadAsync(HistoryRead read, HallCatalog catalog, HallDateRange range, string today)
    {
        var counts = new DutyCounts();
        foreach (var d in await PromisedCases.DueCountsAsync(read, catalog.HallId, range, today))
        {
            counts.Add(d.ServiceId, d.WindowNumber, d.StaffCode, d.Due, d.Overdue, 0);
        }
        foreach (var (serviceId, window, staff, number) in await AfterHoursTable.VisitCountsAsync(read.Connection, read.Transaction, catalog.HallId, range.FromKey, range.ToKey))
        {
            counts.Add(serviceId, window, staff, 0, 0, number);
        }
        return counts;
    }

    public StatsFigures Apply(StatsFigures figures, string slice, string key) =>
        _sums.TryGetValue((slice, key), out var s) ? figures.WithDuty(s.Due, s.Overdue, s.AfterHours) : figures;

    private void Add(long serviceId, long? window, string? staff, long due, long overdue, long afterHours)
    {
        void To(string slice, string? key)
        {
            if (key is null)
            {
                return;
            }
            var was = _sums.GetValueOrDefault((slice, key));
            _sums[(slice, key)] = (was.Due + due, was.Overdue + overdue, was.AfterHours + afterHours);
        }
        To(All, "all");
        To(Service, serviceId.ToString(CultureInfo.InvariantCulture));
        To(Window, window?.ToString(CultureInfo.InvariantCulture));
        To(Clerk, staff);
    }
}
