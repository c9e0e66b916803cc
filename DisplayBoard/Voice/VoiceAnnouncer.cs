using Hall.Contracts.Hub;
using Hall.DisplayBoard.Board;
using Hall.DisplayBoard.HallConnection;
using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.Voice;

/// <summary>Turns every call and recall at the board's windows into an announcement in the hall's words.</summary>
public sealed class VoiceAnnouncer(AnnouncementQueue queue, IOptions<VoiceOptions> options, BoardFilter filter) : IHallObserver
{
    public ValueTask OnTicketCalledAsync(TicketCalled call, CancellationToken cancellationToken)
    {
        if (filter.ShowsWindow(call.WindowNumber))
        {
            queue.Enqueue(new Announcement(call.Number, call.WindowNumber, TextOf(call, options.Value.Template), call.CalledAt));
        }
        return ValueTask.CompletedTask;
    }

    public static string TextOf(TicketCalled call, string? template)
    {
        if (string.IsNullOrWhiteSpace(template) && !string.IsNullOrWhiteSpace(call.Announcement))
        {
            return call.Announcement;
        }
        return (string.IsNullOrWhiteSpace(template) ? VoiceOptions.DefaultTemplate : template)
            .Replace("{number}", call.Number, StringComparison.Ordinal)
            .Replace("{window}", call.WindowNumber.ToString(), StringComparison.Ordinal)
            .Replace("{windowName}", call.WindowName, StringComparison.Ordinal)
            .Replace("{service}", call.ServiceName, StringComparison.Ordinal);
    }
}
