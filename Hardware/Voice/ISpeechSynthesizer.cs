namespace Hall.Hardware.Voice;

/// <summary>Turns text into speech audio. Implementations: <see cref="EspeakNgSynthesizer"/>.</summary>
public interface ISpeechSynthesizer
{
    /// <summary>Speaks <paramref name="text"/> into PCM audio.</summary>
    Task<WavAudio> SynthesizeAsync(string text, CancellationToken cancellationToken);
}
