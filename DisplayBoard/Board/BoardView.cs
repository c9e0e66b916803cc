using Hall.Contracts.Api;
using Hall.Contracts.Hub;

namespace Hall.DisplayBoard.Board;

/// <summary>Everything the board page draws, already filtered to this board's windows and services.</summary>
/// <param name="Connected">Whether the display computer is connected to the hall server right now.</param>
/// <param name="ConnectionChangedAt">When the connection last came up or went down.</param>
/// <param name="RecentCalls">Newest first; the first one is the call shown large.</param>
/// <param name="Notices">The notices in force (公开屏), rotated beside the calls with the staff on duty.</param>
/// <param name="RotateSeconds">How long each notice or page of staff on duty stays.</param>
/// <param name="Contacts">The hall's complaint and supervision phones, for the footer.</param>
/// <param name="Evaluation">This month's satisfaction of this board's windows (评价结果公开), null until first read.</param>
public sealed record BoardView(
    string HallName,
    string HallNameEn,
    string TimeZone,
    string Language,
    bool Connected,
    bool Loaded,
    DateTimeOffset ConnectionChangedAt,
    int DisconnectedNoticeSeconds,
    int BlinkSeconds,
    string? Notice,
    IReadOnlyList<WindowInfo> Windows,
    IReadOnlyList<TicketCalled> RecentCalls,
    IReadOnlyList<ServiceQueueCount> Queues,
    IReadOnlyList<NoticeView> Notices,
    int RotateSeconds,
    HallContacts? Contacts,
    MonthlyEvaluation? Evaluation = null);
