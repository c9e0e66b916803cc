using System.Globalization;
using Hall.Hardware.Voice;

namespace Hall.DisplayBoard.Voice;

/// <summary>
/// Writes each announcement as <c>yyyyMMdd-HHmmss-fff_NNNNNN_A001_w1.wav</c> (time, then a running count, so the
/// names sort in speaking order). The file is written under a temporary name and renamed, so it appears complete.
/// </summary>
public sealed class WavFileAnnouncementOutput(string directory, TimeProvider timeProvider) : IAnnouncementOutput
{
    private long _count;

    public async Task DeliverAsync(Announcement announcement, WavAudio audio, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var count = Interlocked.Increment(ref _count);
        var time = timeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        var name = $"{time}_{count:000000}_{SafeName(announcement.Number)}_w{announcement.WindowNumber}";
        var temporary = Path.Combine(directory, name + ".wav.tmp");
        await File.WriteAllBytesAsync(temporary, audio.ToFileBytes(), cancellationToken);
        File.Move(temporary, Path.Combine(directory, name + ".wav"), overwrite: true);
    }

    private static string SafeName(string number) =>
        string.Concat(number.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}
