using Hall.Contracts.Api;
using Hall.DisplayBoard.HallConnection;
using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.Board;

/// <summary>Builds the page's <see cref="BoardView"/> from the hall state and this board's settings.</summary>
public sealed class BoardViewBuilder(HallState state, BoardFilter filter, IOptions<BoardOptions> options, IOptions<HallServerOptions> server,
    BoardEvaluation evaluation)
{
    public BoardView Build()
    {
        var settings = options.Value;
        var hall = state.Current;
        var notice = string.IsNullOrWhiteSpace(settings.Notice) ? hall?.Notice : settings.Notice;
        var figures = evaluation.Current;
        return new BoardView(
            HallName: hall?.HallName ?? "",
            HallNameEn: hall?.HallNameEn ?? "",
            TimeZone: hall?.TimeZone ?? "Asia/Shanghai",
            Language: settings.Language,
            Connected: state.IsConnected,
            Loaded: hall is not null,
            ConnectionChangedAt: state.ConnectionChangedAt,
            DisconnectedNoticeSeconds: settings.DisconnectedNoticeSeconds,
            BlinkSeconds: settings.BlinkSeconds,
            Notice: notice,
            Windows: hall is null ? [] : [.. hall.Windows.Where(w => filter.ShowsWindow(w.Number)).Select(WithPhotoOnServer)],
            RecentCalls: hall is null ? [] : [.. hall.RecentCalls.Where(c => filter.ShowsWindow(c.WindowNumber)).Take(settings.RecentCalls)],
            Queues: hall is null ? [] : [.. hall.Queues.Where(q => filter.ShowsService(q.ServiceId))],
            Notices: hall?.Notices ?? [],
            RotateSeconds: settings.RotateSeconds,
            Contacts: hall?.Contacts,
            Evaluation: figures is null ? null : figures with { Windows = [.. figures.Windows.Where(w => filter.ShowsWindow(w.WindowNumber))] });
    }

    /// <summary>A clerk's photo given as a path is on the hall server, not on this display computer: the page gets its full address.</summary>
    private WindowInfo WithPhotoOnServer(WindowInfo window) =>
        window.Clerk is { PhotoUrl: ['/', ..] photo } clerk
            ? window with { Clerk = clerk with { PhotoUrl = new Uri(server.Value.ServerUri, photo).ToString() } }
            : window;
}
