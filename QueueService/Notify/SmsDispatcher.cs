using System.Threading.Channels;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Notify;

/// <summary>
/// Sends the outbox's due messages through the <see cref="ISmsSender"/>: every <c>Sms:PollInterval</c>, and at once when
/// this instance queued one. Each row is claimed before it is sent, so one instance sends it; a refused or unanswered
/// try is tried again after <c>Sms:RetryDelay</c>, doubled each time up to <c>Sms:MaxRetryDelay</c>, with the same
/// idempotency key, also after a restart (the outbox is in the database). A message of an earlier day, or older than
/// <c>Sms:GiveUpAfter</c>, is given up.
/// </summary>
public sealed partial class SmsDispatcher(
    QueueDatabase database,
    HallCatalogHolder hall,
    ISmsSender sender,
    SmsMetrics metrics,
    IOptions<SmsOptions> options,
    TimeProvider time,
    ILogger<SmsDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>A message was queued on this instance: look now rather than at the next interval.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        Task<bool>? tick = null;
        Task<bool>? woken = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (hall.IsLoaded)
            {
                try
                {
                    while (await SendDueAsync(stoppingToken) == BatchSize)
                    {
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The rows stay due; the next round tries them again.
                    LogRoundFailed(e);
                }
            }
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            woken ??= _wake.Reader.WaitToReadAsync(stoppingToken).AsTask();
            var done = await Task.WhenAny(tick, woken);
            if (done == tick)
            {
                if (!await tick)
                {
                    return;
                }
                tick = null;
            }
            else
            {
                await woken;
                _wake.Reader.TryRead(out _);
                woken = null;
            }
        }
    }

    /// <summary>One round over the due rows; answers how many it read.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var catalog = hall.Current;
        IReadOnlyList<SmsMessageRow> due;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            due = await SmsOutboxTable.DueAsync(connection, time.GetUtcNow().ToUnixMs(), BatchSize);
        }
        foreach (var row in due)
        {
            var now = time.GetUtcNow();
            var stale = row.Phone is null ? "erased"
                : row.HallDate != catalog.HallDate(now).ToKey() ? "the hall day is over"
                : now - TimeConversions.FromUnixMs(row.CreatedAt) > settings.GiveUpAfter ? "older than Sms:GiveUpAfter"
                : null;
            if (stale is not null)
            {
                await WriteAsync(scope => SmsOutboxTable.GiveUpAsync(scope, row.Id, now.ToUnixMs(), row.LastError is null ? stale : stale + "; " + row.LastError), cancellationToken);
                LogGivenUp(row.Kind, row.PhoneMasked, stale);
                continue;
            }
            var claimed = false;
            await WriteAsync(async scope => claimed = await SmsOutboxTable.TryClaimAsync(scope, row, (now + settings.Lease).ToUnixMs()), cancellationToken);
            if (!claimed)
            {
                continue;   // another instance has it
            }
            var error = await sender.SendAsync(new SmsMessage(row.Phone!, row.PhoneMasked, row.Text, row.Kind, row.IdempotencyKey), cancellationToken);
            var after = time.GetUtcNow();
            if (error is null)
            {
                await WriteAsync(scope => SmsOutboxTable.MarkSentAsync(scope, row.Id, after.ToUnixMs()), cancellationToken);
                metrics.Sent(row.Kind);
                LogSent(row.Kind, row.PhoneMasked, row.Attempts + 1);
            }
            else
            {
                var delay = RetryDelay(settings, row.Attempts);
                await WriteAsync(scope => SmsOutboxTable.MarkFailedAsync(scope, row.Id, (after + delay).ToUnixMs(), error), cancellationToken);
                metrics.Failed(row.Kind);
                LogFailed(row.Kind, row.PhoneMasked, row.Attempts + 1, error, delay);
            }
        }
        return due.Count;
    }

    /// <summary>The wait after the try numbered <paramref name="triesBefore"/> + 1 failed: doubling, capped.</summary>
    public static TimeSpan RetryDelay(SmsOptions settings, int triesBefore) =>
        RetryBackoff.After(triesBefore, settings.RetryDelay, settings.MaxRetryDelay);

    private async Task WriteAsync(Func<WriteScope, Task> write, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await write(scope);
        await scope.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Text message ({Kind}) to {MaskedPhone} sent at try {Try}")]
    private partial void LogSent(string kind, string maskedPhone, int @try);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Text message ({Kind}) to {MaskedPhone} failed at try {Try}: {Error}; next try in {Delay}")]
    private partial void LogFailed(string kind, string maskedPhone, int @try, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Text message ({Kind}) to {MaskedPhone} given up: {Reason}")]
    private partial void LogGivenUp(string kind, string maskedPhone, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of the text-message outbox failed; the messages stay due")]
    private partial void LogRoundFailed(Exception exception);
}
