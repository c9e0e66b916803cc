using System.Diagnostics.Metrics;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Metrics;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Notify;

/// <summary>
/// The outbox in <c>/metrics</c>: <c>hall_sms_backlog</c> (messages not yet sent, hall-wide from the database),
/// <c>hall_sms_given_up</c> (hall-wide), and this instance's <c>hall_sms_sent_total</c> and <c>hall_sms_failures_total</c>
/// (failed tries), by kind.
/// </summary>
public sealed class SmsMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failures;

    public SmsMetrics(IMeterFactory meters, QueueDatabase database, HallCatalogHolder hall)
    {
        var meter = meters.Create(HallMetrics.MeterName);
        _sent = meter.CreateCounter<long>("hall.sms.sent", "{message}", "Text messages the provider took from this instance");
        _failures = meter.CreateCounter<long>("hall.sms.failures", "{try}", "Tries of this instance the provider refused or did not answer");
        meter.CreateObservableGauge("hall.sms.backlog", () => Read(database, hall, given: false), "{message}", "Text messages waiting to be sent (hall-wide)");
        meter.CreateObservableGauge("hall.sms.given_up", () => Read(database, hall, given: true), "{message}", "Text messages given up after Sms:GiveUpAfter or at the day's end (hall-wide)");
    }

    public void Sent(string kind) => _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Failed(string kind) => _failures.Add(1, new KeyValuePair<string, object?>("kind", kind));

    private static IEnumerable<Measurement<long>> Read(QueueDatabase database, HallCatalogHolder hall, bool given)
    {
        if (!hall.IsLoaded)
        {
            return [];
        }
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        var (backlog, givenUp) = SmsOutboxTable.Counts(connection, hall.Current.HallId);
        return [new Measurement<long>(given ? givenUp : backlog)];
    }
}
