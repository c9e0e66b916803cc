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

    public static QueueRuleException ApproveRequired() =>
        Invalid("approveRequired", "approve: 请选择批准（true）或驳回（false）。", "approve: say true to approve the pause or false to reject it.");
}
