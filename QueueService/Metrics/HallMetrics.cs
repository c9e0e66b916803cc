using System.Diagnostics.Metrics;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Hall.QueueService.Queue.Tables;

namespace Hall.QueueService.Metrics;

/// <summary>
/// The hall's own instruments (meter <see cref="MeterName"/>), exported for Prometheus at <c>/metrics</c>.
/// Counters and histograms count what this instance did (add them up over instances); the gauges of waiting tickets,
/// open windows and offline devices are read from the shared database when scraped, so every instance reports the
/// same hall-wide value (take the max, not the sum). The SQLite writer queue is this process's own.
/// </summary>
public sealed class HallMetrics
{
    public const string MeterName = "Hall.QueueService";

    /// <summary>Wait and service times in seconds: a minute to two hours is where a hall's figures fall.</summary>
    private static readonly double[] SecondBuckets = [30, 60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200];

    private readonly Meter _meter;
    private readonly Counter<long> _issued;
    private readonly Counter<long> _called;
    private readonly Counter<long> _served;
    private readonly Counter<long> _noShow;
    private readonly Histogram<double> _wait;
    private readonly Histogram<double> _service;
    private readonly QueueDatabase _database;
    private readonly HallCatalogHolder _hall;
    private readonly TimeProvider _time;

    public HallMetrics(IMeterFactory meters, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, Security.RateLimiting.LimitCounters limits)
    {
        _database = database;
        _hall = hall;
        _time = time;
        _meter = meters.Create(MeterName);
        _issued = _meter.CreateCounter<long>("hall.tickets.issued", "{ticket}", "Tickets issued by this instance");
        _called = _meter.CreateCounter<long>("hall.tickets.called", "{ticket}", "First calls made by this instance (recalls left out)");
        _served = _meter.CreateCounter<long>("hall.tickets.served", "{ticket}", "Tickets finished (办结) by this instance");
        _noShow = _meter.CreateCounter<long>("hall.tickets.no_show", "{ticket}", "Tickets marked no-show (过号) by this instance");
        _wait = _meter.CreateHistogram("hall.wait", "s", "Issue to first call, per service",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondBuckets });
        _service = _meter.CreateHistogram("hall.service", "s", "Start to finish of a served ticket, per service",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondBuckets });
        _meter.CreateObservableGauge("hall.tickets.waiting", ReadWaiting, "{ticket}", "Tickets waiting now, per service (hall-wide, from the database)");
        _meter.CreateObservableGauge("hall.windows.open", ReadOpenWindows, "{window}", "Windows with a clerk logged in (hall-wide, from the database)");
        _meter.CreateObservableGauge("hall.devices.offline", ReadOfflineDevices, "{device}", "Devices last reported offline, per kind (hall-wide)");
        _meter.CreateObservableGauge("hall.sqlite.writers_waiting", () => database.WritersWaiting, "{writer}",
            "Writes of this process queued for the one SQLite writer (0 on PostgreSQL)");
        // Abuse controls and work-queue bounds of this instance (GET /api/supervision/limits shows the same).
        _meter.CreateObservableCounter("hall.limits.refused",
            () => limits.Snapshot().Select(l => new Measurement<long>(l.Value, new KeyValuePair<string, object?>("limit", l.Key))).ToList(),
            "{refusal}", "Requests refused and work dropped by each limit on this instance since start (rateLimit:…, queue:…, bodyTooLarge, greenChannelTries)");
        _meter.CreateObservableGauge("hall.work_queue.depth",
            () => limits.Queues().Select(q => new Measurement<long>(q.Depth, new KeyValuePair<string, object?>("queue", q.Name))).ToList(),
            "{item}", "Items (or hub connections) each bounded work queue of this instance holds now");
        _meter.CreateObservableGauge("hall.work_queue.capacity",
            () => limits.Queues().Select(q => new Measurement<long>(q.Capacity, new KeyValuePair<string, object?>("queue", q.Name))).ToList(),
            "{item}", "The bound of each work queue (WorkQueues:… settings)");
    }

    public void Issued(int serviceId) => _issued.Add(1, Service(serviceId));

    public void Called(int serviceId, TimeSpan wait)
    {
        var service = Service(serviceId);
        _called.Add(1, service);
        _wait.Record(Math.Max(0, wait.TotalSeconds), service);
    }

    public void Served(int serviceId, TimeSpan? serviceTime)
    {
        var service = Service(serviceId);
        _served.Add(1, service);
        if (serviceTime is { } t)
        {
            _service.Record(Math.Max(0, t.TotalSeconds), service);
        }
    }

    public void NoShow(int serviceId) => _noShow.Add(1, Service(serviceId));

    private KeyValuePair<string, object?>[] Service(int serviceId)
    {
        var service = _hall.IsLoaded ? _hall.Current.FindService(serviceId) : null;
        return [new("service", service?.Code ?? serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("service_name", service?.Name ?? "")];
    }

    private IEnumerable<Measurement<long>> ReadWaiting()
    {
        if (!_hall.IsLoaded)
        {
            return [];
        }
        var catalog = _hall.Current;
        var hallDate = catalog.HallDate(_time.GetUtcNow()).ToKey();
        using var connection = _database.OpenAsync().GetAwaiter().GetResult();
        var counts = TicketsTable.WaitingByServiceAsync(connection, catalog.HallId, hallDate).GetAwaiter().GetResult()
            .ToDictionary(r => (int)r.ServiceId, r => r.Waiting);
        // Every service gets a series, also at zero, so a dashboard shows the empty queue rather than a gap.
        return catalog.Services.Select(s => new Measurement<long>(counts.GetValueOrDefault(s.Id), Service(s.Id))).ToList();
    }

    private IEnumerable<Measurement<long>> ReadOpenWindows()
    {
        if (!_hall.IsLoaded)
        {
            return [];
        }
        using var connection = _database.OpenAsync().GetAwaiter().GetResult();
        var open = WindowStatesTable.CountStaffed(connection, _hall.Current.HallId);
        return [new Measurement<long>(open)];
    }

    private IEnumerable<Measurement<long>> ReadOfflineDevices()
    {
        if (!_hall.IsLoaded)
        {
            return [];
        }
        using var connection = _database.OpenAsync().GetAwaiter().GetResult();
        var rows = connection.Query<(string Kind, long Count)>(
            "SELECT kind, SUM(CASE WHEN status = 'offline' THEN 1 ELSE 0 END) FROM device_status WHERE hall_id = @hall GROUP BY kind", new { hall = _hall.Current.HallId });
        return rows.Select(r => new Measurement<long>(r.Count, new KeyValuePair<string, object?>("kind", r.Kind))).ToList();
    }
}
