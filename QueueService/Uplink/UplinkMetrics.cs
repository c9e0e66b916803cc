using System.Diagnostics.Metrics;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Metrics;
using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Uplink;

/// <summary>
/// The uplink in <c>/metrics</c>: <c>hall_uplink_backlog</c> (events the city has not acknowledged) and
/// <c>hall_uplink_last_success_seconds</c> (Unix time of the city's last acknowledgement), both from the database, and
/// this instance's <c>hall_uplink_sent_total</c> and <c>hall_uplink_failures_total</c>.
/// </summary>
public sealed class UplinkMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failures;

    public UplinkMetrics(IMeterFactory meters, QueueDatabase database, HallCatalogHolder hall, IOptions<UplinkOptions> options)
    {
        var meter = meters.Create(HallMetrics.MeterName);
        _sent = meter.CreateCounter<long>("hall.uplink.sent", "{event}", "Events this instance shipped to the city");
        _failures = meter.CreateCounter<long>("hall.uplink.failures", "{try}", "Batches the city refused or did not answer");
        if (!options.Value.Enabled)
        {
            return;
        }
        meter.CreateObservableGauge("hall.uplink.backlog", () => Read(database, hall, s => s.Backlog), "{event}", "Events of the hall the city has not acknowledged yet");
        meter.CreateObservableGauge("hall.uplink.last_success", () => Read(database, hall, s => s.LastSuccessSeconds), "s",
            "Unix time of the city's last acknowledgement (0: never)");
    }

    public void Sent(int events) => _sent.Add(events);

    public void Failed() => _failures.Add(1);

    private static IEnumerable<Measurement<long>> Read(QueueDatabase database, HallCatalogHolder hall, Func<(long Backlog, long LastSuccessSeconds), long> pick)
    {
        if (!hall.IsLoaded)
        {
            return [];
        }
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        var state = UplinkStateTable.ReadAsync(connection, hall.Current.HallId).GetAwaiter().GetResult();
        var backlog = UplinkStateTable.BacklogAsync(connection, hall.Current.HallId, state.LastSentId).GetAwaiter().GetResult();
        return [new Measurement<long>(pick((backlog, (state.LastSuccessAt ?? 0) / 1000)))];
    }
}
