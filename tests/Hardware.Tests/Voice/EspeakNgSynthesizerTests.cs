using Hall.Hardware.Voice;
using Xunit;

namespace Hall.Hardware.Tests.Voice;

/// <summary>The real espeak-ng program (Debian package espeak-ng) with the Mandarin voice.</summary>
public sealed class EspeakNgSynthesizerTests
{
    [Fact]
    public async Task Speaks_a_call_in_Mandarin_into_a_wave_file()
    {
        var synthesizer = new EspeakNgSynthesizer();

        var audio = await synthesizer.SynthesizeAsync(SpeechText.Prepare("请A001号到1号窗口办理"), CancellationToken.None);
        var file = audio.ToFileBytes();

        Assert.Equal("RIFF"u8.ToArray(), file[..4]);
        Assert.Equal("WAVE"u8.ToArray(), file[8..12]);
        Assert.Equal(1, audio.Channels);
        Assert.Equal(16, audio.BitsPerSample);
        Assert.InRange(audio.Duration, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        // Speech, not silence.
        Assert.Contains(audio.Samples, b => b is > 8 and < 248);
    }

    [Fact]
    public async Task A_missing_program_says_what_to_install()
    {
        var synthesizer = new EspeakNgSynthesizer("/nonexistent/espeak-ng");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => synthesizer.SynthesizeAsync("你好", CancellationToken.None));
        Assert.Contains("espeak-ng", error.Message);
    }
}
