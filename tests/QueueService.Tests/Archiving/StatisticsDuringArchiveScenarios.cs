using System.Text.Json;
using Hall.QueueService.Archiving;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Statistics;
using Hall.QueueService.Storage;
using Hall.QueueService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Archiving;

/// <summary>
/// Statistics read while an archive run commits, on both databases. A report chooses the live tables when none of its
/// days is archived, then reads its figures in several more queries; the archive run is made to commit exactly
/// between the choice and the figures (through <see cref="HistoryRead"/>, the seam both reports read through), and
/// the figures must still count every ticket of the moved days.
/// </summary>
public abstract class StatisticsDuringArchiveScenarios
{
    private static readonly DateOnly FirstDay = DateOnly.FromDateTime(HallServerFactory.Start.Date);

    protected abstract Task<HallServerFactory> NewHallAsync(Dictionary<string, string?> settings);

    [Fact]
    public async Task Figures_read_across_an_archive_run_still_count_the_days_it_moved()
    {
        using var hall = await NewHallAsync(new() { ["Supervision:CheckIntervalSeconds"] = "3600" });
        var issued = 0;
        for (var i = 0; i < 3; i++)
        {
            issued += (await HallHistory.LiveDayAsync(hall, FirstDay.AddDays(i), i)).Count;
        }
        var today = FirstDay.AddDays(3);
        hall.Clock.SetUtcNow(HallHistory.At(today, 9, 0));
        var range = new HallDateRange(FirstDay, FirstDay.AddDays(2));
        var staffedDay = FirstDay.AddDays(1);
        var statistics = hall.Services.GetRequiredService<StatisticsQueries>();
        var staffing = hall.Services.GetRequiredService<StaffingAdvisor>();
        var database = hall.Services.GetRequiredService<QueueDatabase>();
        var hallId = hall.Services.GetRequiredService<HallCatalogHolder>().Current.HallId;

        var report = JsonSerializer.Serialize(await statistics.GetReportAsync(range));
        var advice = JsonSerializer.Serialize(await staffing.GetDayAsync(staffedDay, 15, 0.8));
        Assert.Contains($"\"Issued\":{issued},", report, StringComparison.Ordinal);

        await using (var reportRead = await HistoryRead.OpenAsync(database, hallId, range))
        await using (var staffingRead = await HistoryRead.OpenAsync(database, hallId, new HallDateRange(staffedDay, staffedDay)))
        {
            // Nothing is archived yet, so both reads chose the live tables...
            Assert.Same(HistoryTables.Live, reportRead.Tables);
            Assert.Same(HistoryTables.Live, staffingRead.Tables);

            // ...and now the archiver moves every one of their days out of the live tables and commits.
            var run = await hall.Services.GetRequiredService<DayArchiver>().ArchiveBeforeAsync(today);
            Assert.Equal(3, run.Archived.Count);
            Assert.Equal(0, await TableCounts.BeforeAsync(hall, "tickets", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

            // The figures read after the commit come from the same snapshot as the choice: nothing is missing.
            Assert.Equal(report, JsonSerializer.Serialize(await statistics.GetReportAsync(reportRead, range)));
            Assert.Equal(advice, JsonSerializer.Serialize(await staffing.GetDayAsync(staffingRead, staffedDay, 15, 0.8)));
        }

        // A report begun after the run reads the archive and answers the same.
        Assert.Equal(report, JsonSerializer.Serialize(await statistics.GetReportAsync(range)));
        Assert.Equal(advice, JsonSerializer.Serialize(await staffing.GetDayAsync(staffedDay, 15, 0.8)));
    }
}
