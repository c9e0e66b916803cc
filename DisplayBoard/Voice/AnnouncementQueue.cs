using System.Threading.Channels;
using Hall.Hardware.Voice;
using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.Voice;

/// <summary>
/// Speaks announcements one after the other, in the order they were called: one reader of one queue, so two calls
/// never overlap. Each is prepared for clear reading (<see cref="SpeechText"/>), synthesized, repeated with a pause
/// (said twice by default) and handed to the output. The queue is bounded (<c>Voice:MaxQueued</c>): past it the oldest
/// waiting announcement is dropped, counted in <see cref="Dropped"/> and logged, since a call minutes late sends people
/// to a window that has moved on.
/// </summary>
public sealed partial class AnnouncementQueue : BackgroundService
{
    private readonly ISpeechSynthesizer synthesizer;
    private readonly IAnnouncementOutput output;
    private readonly IOptions<VoiceOptions> options;
    private readonly ILogger<AnnouncementQueue> logger;
    private readonly Channel<Announcement> _queue;
    private long _dropped;

    public AnnouncementQueue(ISpeechSynthesizer synthesizer, IAnnouncementOutput output, IOptions<VoiceOptions> options, ILogger<AnnouncementQueue> logger)
    {
        this.synthesizer = synthesizer;
        this.output = output;
        this.options = options;
        this.logger = logger;
        _queue = Channel.CreateBounded<Announcement>(
            new BoundedChannelOptions(options.Value.MaxQueued) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }, OnDropped);
    }

    /// <summary>Announcements dropped because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    private void OnDropped(Announcement dropped)
    {
        var count = Interlocked.Increment(ref _dropped);
        LogDropped(dropped.Number, dropped.WindowNumber, options.Value.MaxQueued, count);
    }

    public void Enqueue(Announcement announcement)
    {
        _queue.Writer.TryWrite(announcement);
        LogQueued(announcement.Number, announcement.WindowNumber);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var repeat = options.Value.Repeat;
        var gap = TimeSpan.FromMilliseconds(options.Value.GapMilliseconds);
        await foreach (var announcement in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var audio = await synthesizer.SynthesizeAsync(SpeechText.Prepare(announcement.Text), stoppingToken);
                await output.DeliverAsync(announcement, audio.Repeat(repeat, gap), stoppingToken);
                LogSpoken(announcement.Text);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A failed announcement must not silence the next ones.
                LogFailed(announcement.Text, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice queue full ({Capacity}): the announcement for {Number} at window {Window} was dropped ({Count} since start)")]
    private partial void LogDropped(string number, int window, int capacity, long count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Announcement for {Number} at window {Window} queued")]
    private partial void LogQueued(string number, int window);

    [LoggerMessage(Level = LogLevel.Information, Message = "Announced: {Text}")]
    private partial void LogSpoken(string text);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not announce '{Text}'")]
    private partial void LogFailed(string text, Exception exception);
}
