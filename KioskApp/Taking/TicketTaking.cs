using Hall.Contracts.Api;
using Hall.KioskApp.HallServer;
using Hall.KioskApp.Printing;

namespace Hall.KioskApp.Taking;

/// <summary>
/// Takes a ticket for a citizen: issue at the hall server, then print. One citizen's take carries one idempotency
/// key, so a request that did not get through, or whose answer was lost, is tried again safely: the server answers a
/// retry with the same ticket, never a second number. If no try is confirmed, the citizen is told the result is
/// unknown and nothing is shown or printed. A failed print leaves the ticket valid.
/// </summary>
public sealed partial class TicketTaking(
    HallServerClient server,
    TicketPrinter printer,
    RecentTickets recent,
    TimeProvider time,
    ILogger<TicketTaking> logger)
{
    /// <summary>Pause before each retry of a take that was not confirmed.</summary>
    public static readonly TimeSpan ReconnectDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>Tries of one take in all; the citizen waits at most a few seconds at the screen.</summary>
    public const int Attempts = 3;

    public async Task<(TakeResponse? Taken, TakeFailure? Failure)> TakeAsync(IssueTicketRequest request, CancellationToken cancellationToken)
    {
        if (request.ServiceId is null && string.IsNullOrWhiteSpace(request.AppointmentCode) && request.CheckInByIdNumber != true)
        {
            return (null, TakeFailure.Kiosk(400, "invalidRequest", "请选择办理事项", "请选择要办理的事项，或输入预约码签到。", retryable: false));
        }
        request = request with
        {
            IdNumber = Blank(request.IdNumber)?.ToUpperInvariant(),
            AppointmentCode = Blank(request.AppointmentCode),
            StaffCode = Blank(request.StaffCode),
            Priority = Blank(request.Priority),
        };

        var idempotencyKey = Guid.NewGuid().ToString("N");
        var outcome = await server.IssueTicketAsync(request, idempotencyKey, cancellationToken);
        for (var attempt = 2; attempt <= Attempts && outcome is IssueOutcome.NotDelivered or IssueOutcome.Unconfirmed; attempt++)
        {
            LogRetrying(outcome is IssueOutcome.NotDelivered n ? n.Reason : ((IssueOutcome.Unconfirmed)outcome).Reason, attempt);
            await Task.Delay(ReconnectDelay, time, cancellationToken);
            outcome = await server.IssueTicketAsync(request, idempotencyKey, cancellationToken);
        }

        switch (outcome)
        {
            case IssueOutcome.Issued issued:
                return (await PrintAsync(issued.Ticket, cancellationToken), null);
            case IssueOutcome.Refused refused:
                if (refused.ExistingTicket is not null)
                {
                    recent.Remember(refused.ExistingTicket);
                }
                LogRefused(refused.StatusCode, refused.Problem["detail"]?.ToString());
                return (null, new TakeFailure(refused.StatusCode, refused.Problem));
            case IssueOutcome.NotDelivered notDelivered:
                LogUnreachable(notDelivered.Reason);
                return (null, TakeFailure.Kiosk(503, "serverUnreachable", "暂时无法连接叫号服务器",
                    "暂时无法连接叫号服务器，本次未取号。请稍候再试；如持续失败，请到咨询导办台人工取号。", retryable: true));
            case IssueOutcome.Unconfirmed unconfirmed:
                LogUnconfirmed(unconfirmed.Reason);
                return (null, TakeFailure.Kiosk(503, "issueUnconfirmed", "未能确认取号结果",
                    "网络异常，未能确认是否取号成功，本机没有出号。请稍候重试；如多次失败，请到咨询导办台查询。", retryable: true));
            default:
                throw new InvalidOperationException("Unknown issue outcome " + outcome);
        }
    }

    /// <summary>Prints a ticket this kiosk knows again, with its current place in the queue, while it still waits.</summary>
    public async Task<(TakeResponse? Taken, TakeFailure? Failure)> ReprintAsync(Guid ticketId, CancellationToken cancellationToken)
    {
        var known = recent.Find(ticketId);
        if (known is null)
        {
            return (null, TakeFailure.Kiosk(404, "unknownTicket", "无法补打", "本机没有这张票的记录，请到咨询导办台办理。", retryable: false));
        }
        TicketView? current;
        try
        {
            current = await server.GetTicketAsync(ticketId, cancellationToken);
        }
        catch (HallServerUnavailableException exception)
        {
            LogUnreachable(exception.Message);
            return (null, TakeFailure.Kiosk(503, "serverUnreachable", "暂时无法连接叫号服务器", "暂时无法连接叫号服务器，请稍候再试。", retryable: true));
        }
        if (current is null || current.Status != TicketStatus.Waiting)
        {
            return (null, TakeFailure.Kiosk(409, "notWaiting", "无法补打", $"{known.Number} 号已不在等候中，不能补打。", retryable: false));
        }
        var refreshed = known with { Ahead = current.Ahead, EstimatedWaitMinutes = current.EstimatedWaitMinutes, Status = current.Status };
        return (await PrintAsync(refreshed, cancellationToken), null);
    }

    private async Task<TakeResponse> PrintAsync(IssuedTicket ticket, CancellationToken cancellationToken)
    {
        recent.Remember(ticket);
        // The ticket is confirmed: from here nothing may lose it, whatever the printer does.
        var result = await printer.PrintAsync(ticket, CancellationToken.None);
        return new TakeResponse(ticket, result.Printed, result.Printed ? null : result.Error);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issuing was not confirmed ({Reason}); try {Attempt} with the same idempotency key")]
    private partial void LogRetrying(string reason, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "The hall server refused the ticket ({Status}): {Detail}")]
    private partial void LogRefused(int status, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hall server is unreachable: {Reason}")]
    private partial void LogUnreachable(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Issuing is unconfirmed and cannot be retried safely: {Reason}")]
    private partial void LogUnconfirmed(string reason);
}
