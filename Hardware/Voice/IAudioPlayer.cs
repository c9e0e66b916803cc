namespace Hall.Hardware.Voice;

/// <summary>Plays audio on the computer's default audio device and returns when it has finished playing.</summary>
public interface IAudioPlayer
{
    /// <summary>A short name for logs, for example <c>aplay</c>.</summary>
    string Name { get; }

    Task PlayAsync(WavAudio audio, CancellationToken cancellationToken);
}
