using System.Net.Http.Json;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Uplink;

/// <summary>
/// Ships the hall's event record to its city (<c>Uplink:Url</c>) in order, in batches, and never makes the hall wait:
/// the queue writes its events as always, and this loop reads them afterwards. A failed batch (no answer, or not 2xx)
/// is sent again after <c>Uplink:RetryDelay</c>, doubled each time up to <c>Uplink:MaxRetryDelay</c>; the city takes
/// each event once by its id, so a batch sent twice (a restart between the city's answer and our note of it) is
/// harmless. How far it got is in <c>uplink_state</c>, so a restart carries on where it was.
/// </summary>
public sealed partial class UplinkSender(
    QueueDatabase database,
    HallCatalogHolder hall,
    UplinkBatchReader reader,
    UplinkMetrics metrics,
    IHttpClientFactory httpClients,
    IOptions<UplinkOptions> options,
    TimeProvider time,
    ILogger<UplinkSender> logger) : BackgroundService
{
    public const string ClientName = "Uplink";
    public const string KeyHeader = "X-Hall-Key";
    private DateTimeOffset _lastPost = DateTimeOffset.MinValue;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            if (!hall.IsLoaded)
            {
                continue;
            }
            try
            {
                await SendAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(e);   // the events stay where they are; the next round reads them again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: batches until the backlog is empty or a batch fails; a heartbeat when there was nothing to send for a while.</summary>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sent = 0;
        while (time.GetUtcNow() >= _notBefore)
        {
            var catalog = hall.Current;
            UplinkState state;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                state = await UplinkStateTable.ReadAsync(connection, catalog.HallId);
            }
            var now = time.GetUtcNow();
            var batch = await reader.ReadAsync(catalog, state, settings.BatchSize, now, cancellationToken);
            if (batch.Events.Count == 0 && now - _lastPost < settings.HeartbeatInterval)
            {
                return sent;
            }
            var (acknowledgement, error) = await PostAsync(settings, batch, cancellationToken);
            var after = time.GetUtcNow();
            if (acknowledgement is null)
            {
                var delay = settings.DelayAfter(state.Failures);
                _notBefore = after + delay;
                await WriteAsync(scope => UplinkStateTable.MarkFailedAsync(scope, catalog.HallId, error!, after.ToUnixMs()), cancellationToken);
                metrics.Failed();
                LogFailed(batch.Events.Count, state.LastSentId, state.Failures + 1, error!, delay);
                return sent;
            }
            _lastPost = after;
            await WriteAsync(scope => UplinkStateTable.MarkSentAsync(scope, catalog.HallId, acknowledgement.AcceptedThrough, acknowledgement.LastHash, after.ToUnixMs()),
                cancellationToken);
            sent += batch.Events.Count;
            metrics.Sent(batch.Events.Count);
            if (batch.Events.Count > 0)
            {
                LogSent(batch.Events.Count, acknowledgement.AcceptedThrough, batch.Backlog);
            }
            if (batch.Events.Count < settings.BatchSize)
            {
                return sent;
            }
        }
        return sent;
    }

    private async Task<(UplinkAcknowledgement? Acknowledgement, string? Error)> PostAsync(UplinkOptions settings, UplinkBatch batch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.EventsUri()) { Content = JsonContent.Create(batch, options: UplinkJson.Options) };
        request.Headers.Add(KeyHeader, settings.HallKey!.Trim());
        try
        {
            using var response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var problem = await response.Content.ReadAsStringAsync(cancellationToken);
                return (null, $"HTTP {(int)response.StatusCode}: {UplinkJson.ProblemDetail(problem)}");
            }
            var answer = await response.Content.ReadFromJsonAsync<UplinkAcknowledgement>(UplinkJson.Options, cancellationToken);
            return answer is null ? (null, "the city's answer was empty") : (answer, null);
        }
        catch (HttpRequestException e)
        {
            return (null, "no answer: " + e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {settings.Timeout}");
        }
    }

    private async Task WriteAsync(Func<WriteScope, Task> write, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await write(scope);
        await scope.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Uplink: {Count} events taken by the city, through {Through}; {Backlog} still to send")]
    private partial void LogSent(int count, long through, long backlog);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uplink: a batch of {Count} events after {After} failed at try {Try}: {Error}; next try in {Delay}")]
    private partial void LogFailed(int count, long after, int @try, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of the uplink failed; the events stay due")]
    private partial void LogRoundFailed(Exception exception);
}
