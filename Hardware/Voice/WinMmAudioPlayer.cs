using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Hall.Hardware.Voice;

/// <summary>
/// Windows playback through <c>PlaySound</c> of winmm.dll with the WAV held in memory (present on every Windows,
/// no package needed). Plays synchronously on a worker thread; cancelling stops the sound.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed partial class WinMmAudioPlayer : IAudioPlayer
{
    private const uint SndSync = 0x0000;
    private const uint SndMemory = 0x0004;
    private const uint SndNoDefault = 0x0002;

    public string Name => "winmm";

    public async Task PlayAsync(WavAudio audio, CancellationToken cancellationToken)
    {
        var file = audio.ToFileBytes();
        using var stop = cancellationToken.Register(() => PlaySound(null, IntPtr.Zero, 0));
        await Task.Run(() =>
        {
            if (!PlaySound(file, IntPtr.Zero, SndSync | SndMemory | SndNoDefault))
            {
                throw new InvalidOperationException("PlaySound failed: no audio device, or the device is busy.");
            }
        }, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LibraryImport("winmm.dll", EntryPoint = "PlaySoundW")]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool PlaySound(byte[]? sound, IntPtr module, uint flags);
}
