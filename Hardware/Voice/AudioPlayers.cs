namespace Hall.Hardware.Voice;

/// <summary>Chooses the audio player of this operating system.</summary>
public static class AudioPlayers
{
    /// <summary>winmm on Windows; elsewhere the first of paplay, pw-play, aplay on PATH; null when none is there.</summary>
    public static IAudioPlayer? FindDefault()
    {
        if (OperatingSystem.IsWindows())
        {
            return new WinMmAudioPlayer();
        }
        return CommandLineAudioPlayer.FindOnPath();
    }
}
