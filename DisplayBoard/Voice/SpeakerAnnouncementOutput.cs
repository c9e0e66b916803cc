using Hall.Hardware.Voice;

namespace Hall.DisplayBoard.Voice;

/// <summary>Plays announcements on the default audio device.</summary>
public sealed class SpeakerAnnouncementOutput(IAudioPlayer player) : IAnnouncementOutput
{
    public Task DeliverAsync(Announcement announcement, WavAudio audio, CancellationToken cancellationToken) =>
        player.PlayAsync(audio, cancellationToken);
}
