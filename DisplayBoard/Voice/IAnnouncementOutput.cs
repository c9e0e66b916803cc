using Hall.Hardware.Voice;

namespace Hall.DisplayBoard.Voice;

/// <summary>Where a spoken announcement goes: the loudspeakers or a folder of WAV files.</summary>
public interface IAnnouncementOutput
{
    /// <summary>Returns when the announcement has been played (or written).</summary>
    Task DeliverAsync(Announcement announcement, WavAudio audio, CancellationToken cancellationToken);
}
