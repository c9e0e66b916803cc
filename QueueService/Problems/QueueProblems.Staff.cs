using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>Staff on duty: pause approvals (现场勘察) and after-hours service (延时服务).</summary>
public static partial class QueueProblems
{
    public static QueueRuleException NoPauseToApprove(int window) =>
        Conflict("noPauseToApprove", $"{window} 号窗口当前没有需要审批的暂停（现场勘察等）。",
            $"Window {window} is not paused for a reason that needs approval.");

    public static QueueRuleException PauseAlreadyDecided(int window, bool approved) =>
        Conflict("pauseAlreadyDecided", $"{window} 号窗口的这次暂停已{(approved ? "批准" : "驳回")}。",
            $"This pause at window {window} has already been {(approved ? "approved" : "rejected")}.");

    public static QueueRuleException NotAfterHours(string openingHours) =>
        Conflict("notAfterHours", $"尚未到下班时间（办公时间 {openingHours}），办公时间内应正常办理，不能登记拒绝延时服务。",
            $"The hall is still in its opening hours ({openingHours}); a refusal to serve after hours can be registered only after closing.");

    public static QueueRuleException AfterHoursReasonRequired() =>
        Invalid("afterHoursReasonRequired", "reason: 请写明不能延时服务的理由（不超过 200 字）。", "reason: say why the citizen cannot be served after hours (at most 200 characters).");

    public static QueueRuleException TicketNumberNotFound(string number) =>
        NotFound("unknownTicketNumber", $"ticketNumber: 今天没有 {number} 号。", $"ticketNumber: no ticket has that number today.");

    public static QueueRuleException BookingChannelRequired() =>
        Invalid("channelRequired", "channel: 请选择预约方式：当面（counter）或电话（phone）。", "channel: say how the citizen booked: counter or phone.");

    public static QueueRuleException NoPromisedCase(Guid ticketId) =>
        NotFound("noPromisedCase", $"号票 {ticketId} 不是承诺件。", $"Ticket {ticketId} was not accepted as a promised case.");

    public static QueueRuleException PromisedCaseAlreadyCompleted(string completedOn) =>
        Conflict("promisedCaseCompleted", $"该承诺件已于 {completedOn} 办结。", $"This promised case was completed on {completedOn}.");

    public static QueueRuleException ApproveRequired() =>
        Invalid("approveRequired", "approve: 请选择批准（true）或驳回（false）。", "approve: say true to approve the pause or false to reject it.");
}
