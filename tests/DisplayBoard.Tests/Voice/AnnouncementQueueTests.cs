using Hall.Contracts.Hub;
using Hall.DisplayBoard.Tests.Support;
using Hall.DisplayBoard.Voice;
using Hall.Hardware.Voice;
using Hall.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Hall.DisplayBoard.Tests.Voice;

public sealed class AnnouncementQueueTests
{
    private static readonly TimeSpan Timeout = TestTimeouts.Slow;

    [Fact]
    public async Task Announcements_never_overlap_and_keep_their_order()
    {
        var timeline = new Timeline();
        var synthesizer = new SlowSynthesizer(timeline);
        var output = new RecordingOutput(timeline, expected: 5);
        var queue = new AnnouncementQueue(synthesizer, output, Options.Create(new VoiceOptions()), NullLogger<AnnouncementQueue>.Instance);
        await queue.StartAsync(CancellationToken.None);
        try
        {
            // Five calls in a burst, as when several clerks press "call next" at once.
            var numbers = new[] { "A001", "B002", "A003", "C004", "A005" };
            for (var i = 0; i < numbers.Length; i++)
            {
                queue.Enqueue(new Announcement(numbers[i], i + 1, $"请{numbers[i]}号到{i + 1}号窗口办理", DateTimeOffset.Now));
            }
            await output.AllDone.Task.WaitAsync(Timeout);
        }
        finally
        {
            await queue.StopAsync(CancellationToken.None);
        }

        var entries = timeline.Entries;
        // Every announcement is synthesized and delivered completely before the next one starts.
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.True(entries[i].Start >= entries[i - 1].End, $"{entries[i].What} started before {entries[i - 1].What} ended");
        }
        Assert.Equal(
            ["synth A001", "play A001", "synth B002", "play B002", "synth A003", "play A003", "synth C004", "play C004", "synth A005", "play A005"],
            entries.Select(e => e.What));
        // Prepared for clear reading, and said twice.
        Assert.Equal("请 A 零 零 一 号到1号窗口办理", synthesizer.Texts[0]);
        Assert.All(output.Durations, d => Assert.True(d > TimeSpan.FromSeconds(2 * 0.1), d.ToString()));
    }

    [Fact]
    public async Task One_failed_announcement_does_not_silence_the_next()
    {
        var timeline = new Timeline();
        var synthesizer = new SlowSynthesizer(timeline) { FailOn = "B002" };
        var output = new RecordingOutput(timeline, expected: 2);
        var queue = new AnnouncementQueue(synthesizer, output, Options.Create(new VoiceOptions()), NullLogger<AnnouncementQueue>.Instance);
        await queue.StartAsync(CancellationToken.None);
        try
        {
            foreach (var number in new[] { "A001", "B002", "A003" })
            {
                queue.Enqueue(new Announcement(number, 1, $"请{number}号到1号窗口办理", DateTimeOffset.Now));
            }
            await output.AllDone.Task.WaitAsync(Timeout);
        }
        finally
        {
            await queue.StopAsync(CancellationToken.None);
        }
        Assert.Equal(["A001", "A003"], output.Numbers);
    }

    [Fact]
    public async Task Past_its_bound_the_queue_drops_the_oldest_waiting_calls_and_counts_them()
    {
        var timeline = new Timeline();
        var output = new RecordingOutput(timeline, expected: 2);
        var queue = new AnnouncementQueue(new SlowSynthesizer(timeline), output, Options.Create(new VoiceOptions { MaxQueued = 2 }), NullLogger<AnnouncementQueue>.Instance);
        // Five calls arrive before anything is spoken (the reader is not running yet).
        foreach (var number in new[] { "A001", "B002", "A003", "C004", "A005" })
        {
            queue.Enqueue(new Announcement(number, 1, $"请{number}号到1号窗口办理", DateTimeOffset.Now));
        }
        Assert.Equal(3, queue.Dropped);

        await queue.StartAsync(CancellationToken.None);
        try
        {
            await output.AllDone.Task.WaitAsync(Timeout);
        }
        finally
        {
            await queue.StopAsync(CancellationToken.None);
        }
        Assert.Equal(["C004", "A005"], output.Numbers);
    }

    [Fact]
    public async Task With_an_output_directory_each_announcement_is_a_wave_file_named_in_order()
    {
        var directory = TestPaths.NewTempDirectory("voice");
        var output = new WavFileAnnouncementOutput(directory, TimeProvider.System);
        var queue = new AnnouncementQueue(new EspeakNgSynthesizer(), output, Options.Create(new VoiceOptions()), NullLogger<AnnouncementQueue>.Instance);
        using var watcher = new FileCount(directory, "*.wav", 2);
        await queue.StartAsync(CancellationToken.None);
        try
        {
            queue.Enqueue(new Announcement("A001", 1, "请A001号到1号窗口办理", DateTimeOffset.Now));
            queue.Enqueue(new Announcement("B002", 2, "请B002号到2号窗口办理", DateTimeOffset.Now));
            await watcher.Reached.WaitAsync(Timeout);
        }
        finally
        {
            await queue.StopAsync(CancellationToken.None);
        }

        var files = Directory.GetFiles(directory, "*.wav").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.EndsWith("_000001_A001_w1.wav", files[0]);
        Assert.EndsWith("_000002_B002_w2.wav", files[1]);
        var bytes = await File.ReadAllBytesAsync(files[0]);
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal("WAVE"u8.ToArray(), bytes[8..12]);
        var once = await new EspeakNgSynthesizer().SynthesizeAsync(SpeechText.Prepare("请A001号到1号窗口办理"), CancellationToken.None);
        // Said twice, with a pause between.
        Assert.True(WavAudio.Parse(bytes).Duration > once.Duration * 2);
    }

    [Theory]
    [InlineData(null, "请A001号到1号窗口办理")]
    [InlineData("", "请A001号到1号窗口办理")]
    [InlineData("{number}号请到{window}号窗口", "A001号请到1号窗口")]
    public void The_hall_template_or_the_servers_text(string? template, string expected)
    {
        var call = new TicketCalled(Guid.NewGuid(), "A001", 1, "1号窗口", "市场准入", DateTimeOffset.Now, false, "请A001号到1号窗口办理", "");
        Assert.Equal(expected, VoiceAnnouncer.TextOf(call, template));
    }

    [Fact]
    public void Without_the_servers_text_the_default_template_is_used()
    {
        var call = new TicketCalled(Guid.NewGuid(), "C010", 3, "3号窗口", "民生保障", DateTimeOffset.Now, true, "", "");
        Assert.Equal("请C010号到3号窗口办理", VoiceAnnouncer.TextOf(call, null));
    }

    private sealed record Entry(string What, long Start, long End);

    private sealed class Timeline
    {
        private readonly List<Entry> _entries = [];
        private long _clock;

        public long Now() => Interlocked.Increment(ref _clock);

        public void Add(Entry entry)
        {
            lock (_entries)
            {
                _entries.Add(entry);
            }
        }

        public List<Entry> Entries
        {
            get { lock (_entries) { return [.. _entries.OrderBy(e => e.Start)]; } }
        }
    }

    /// <summary>Takes its time, so an overlapping queue would show.</summary>
    private sealed class SlowSynthesizer(Timeline timeline) : ISpeechSynthesizer
    {
        public string? FailOn { get; init; }
        public List<string> Texts { get; } = [];

        public async Task<WavAudio> SynthesizeAsync(string text, CancellationToken cancellationToken)
        {
            var start = timeline.Now();
            Texts.Add(text);
            await Task.Yield();
            await Task.Delay(20, cancellationToken);
            var number = NumberIn(text);
            if (number == FailOn)
            {
                throw new InvalidOperationException("synthesizer broke");
            }
            timeline.Add(new Entry("synth " + number, start, timeline.Now()));
            // 0.25 s of 8 kHz 16-bit silence.
            return new WavAudio(8000, 1, 16, new byte[4000]);
        }

        private static string NumberIn(string prepared)
        {
            var parts = prepared.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var digits = "零一二三四五六七八九";
            return parts[1] + string.Concat(parts.Skip(2).Take(3).Select(p => (char)('0' + digits.IndexOf(p, StringComparison.Ordinal))));
        }
    }

    private sealed class RecordingOutput(Timeline timeline, int expected) : IAnnouncementOutput
    {
        public TaskCompletionSource AllDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<string> Numbers { get; } = [];
        public List<TimeSpan> Durations { get; } = [];

        public async Task DeliverAsync(Announcement announcement, WavAudio audio, CancellationToken cancellationToken)
        {
            var start = timeline.Now();
            await Task.Delay(30, cancellationToken);
            timeline.Add(new Entry("play " + announcement.Number, start, timeline.Now()));
            Numbers.Add(announcement.Number);
            Durations.Add(audio.Duration);
            if (Numbers.Count == expected)
            {
                AllDone.TrySetResult();
            }
        }
    }
}
