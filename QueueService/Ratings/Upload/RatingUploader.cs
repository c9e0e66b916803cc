using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Ratings.Upload;

/// <summary>
/// Sends the 好差评 outbox to <c>Ratings:UploadUrl</c> in creation order, one record at a time: a failed try (no answer,
/// or not 2xx) stops the round, so no record overtakes an earlier one, and is tried again after
/// <c>Ratings:UploadRetryDelay</c>, doubled each time up to <c>Ratings:UploadMaxRetryDelay</c>, with the same
/// <c>Idempotency-Key</c>, also after a restart (the outbox is in the database). Nothing is ever given up.
/// </summary>
public sealed partial class RatingUploader(
    QueueDatabase database,
    HallCatalogHolder hall,
    IHttpClientFactory httpClients,
    IOptions<RatingsUploadOptions> options,
    TimeProvider time,
    ILogger<RatingUploader> logger) : BackgroundService
{
    public const string ClientName = "RatingUpload";
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>A record was queued on this instance: look now rather than at the next interval.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Uploads)
        {
            return;   // the rows wait in the outbox until the setting is there
        }
        using var timer = new PeriodicTimer(options.Value.UploadPollInterval, time);
        Task<bool>? tick = null;
        Task<bool>? woken = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (hall.IsLoaded)
            {
                try
                {
                    await SendDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRoundFailed(e);   // the records stay due; the next round tries them again
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

    /// <summary>One round: sends due records in order until one fails, none is due, or the head is not due yet; answers how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Uploads)
        {
            return 0;
        }
        var sent = 0;
        while (true)
        {
            RatingUploadRow? head;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                head = await RatingUploadOutbox.HeadAsync(connection);
            }
            var now = time.GetUtcNow();
            if (head?.NextTryAt is not { } dueAt || dueAt > now.ToUnixMs())
            {
                return sent;   // nothing left, or the head waits for its back-off (or another instance has it)
            }
            var claimed = false;
            await WriteAsync(async scope => claimed = await RatingUploadOutbox.TryClaimAsync(scope, head, (now + settings.Lease).ToUnixMs()), cancellationToken);
            if (!claimed)
            {
                return sent;
            }
            var error = await PostAsync(settings, head, cancellationToken);
            var after = time.GetUtcNow();
            if (error is not null)
            {
                var delay = settings.RetryDelay(head.Attempts);
                await WriteAsync(scope => RatingUploadOutbox.MarkFailedAsync(scope, head.Id, (after + delay).ToUnixMs(), error), cancellationToken);
                LogFailed(head.Kind, head.Id, head.Attempts + 1, error, delay);
                return sent;
            }
            await WriteAsync(scope => RatingUploadOutbox.MarkSentAsync(scope, head.Id, after.ToUnixMs()), cancellationToken);
            LogSent(head.Kind, head.Id, head.Attempts + 1);
            sent++;
        }
    }

    /// <summary>One POST; null when the platform took it (2xx), else what went wrong (never the payload).</summary>
    private async Task<string?> PostAsync(RatingsUploadOptions settings, RatingUploadRow row, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.UploadUrl!.Trim())
        {
            Content = new StringContent(row.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Idempotency-Key", row.Id);
        try
        {
            using var response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return "no answer: " + e.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {settings.UploadTimeout}";
        }
    }

    private async Task WriteAsync(Func<WriteScope, Task> write, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await write(scope);
        await scope.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "好差评 upload: {Kind} record {RecordId} taken at try {Try}")]
    private partial void LogSent(string kind, string recordId, int @try);

    [LoggerMessage(Level = LogLevel.Warning, Message = "好差评 upload: {Kind} record {RecordId} failed at try {Try}: {Error}; next try in {Delay}")]
    private partial void LogFailed(string kind, string recordId, int @try, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of the 好差评 upload failed; the records stay due")]
    private partial void LogRoundFailed(Exception exception);
}
