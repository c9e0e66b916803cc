using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>A clerk at a window: logging in, calling, serving, pausing, and the evaluator's rating.</summary>
public static partial class QueueProblems
{
    public static QueueRuleException OutcomeRequired() =>
        Invalid("outcomeRequired", "本大厅要求办结时选择办件结果（即办、承诺、补正、不予受理或咨询）。",
            "This hall requires the outcome of the visit at the finish: completed, accepted, supplement, refused or consulted.");

    public static QueueRuleException PromisedDaysRequired(string serviceName) =>
        Invalid("promisedDaysRequired", $"承诺件须填写承诺时限（1 至 365 个工作日）；“{serviceName}”的办事指南未写承诺时限。",
            "An accepted case needs promisedWorkingDays (1 to 365 working days); the service's guide gives none.");

    public static QueueRuleException MissingMaterialsRequired() =>
        Invalid("missingMaterialsRequired", "补正须列出所缺材料（missingMaterials，每项不超过 200 字），以便一次性告知。",
            "A supplement needs missingMaterials: the list of what is missing, each at most 200 characters.");

    public static QueueRuleException RefusalReasonRequired() =>
        Invalid("reasonRequired", "不予受理须写明理由（reason，不超过 500 字）。", "A refusal needs its reason (at most 500 characters).");

    public static QueueRuleException UnknownWindow(int number) =>
        NotFound("unknownWindow", $"没有 {number} 号窗口。", $"There is no window {number}.");

    public static QueueRuleException CredentialsRequired() =>
        Invalid("credentialsRequired", "请输入工号（或用户名）和密码。", "A staff number (or user name) and a PIN (or password) are required.");

    public static QueueRuleException WrongCredentials() =>
        Unauthenticated("wrongCredentials", "工号或密码错误。", "Wrong staff number or PIN.");

    public static QueueRuleException NotAssigned(string clerkName, string staffCode, string windowName, int windowNumber) =>
        Forbidden("notAssigned", $"{clerkName}（{staffCode}）不是 {windowName} 的A岗或B岗人员。", $"This clerk is not assigned to window {windowNumber}.");

    public static QueueRuleException NotSupervisor(string name, string staffCode) =>
        Forbidden("notSupervisor", $"{name}（{staffCode}）不是值班长或督查人员。", "This staff member is not a supervisor.");

    /// <summary>A window still has a ticket called or being served (logging in over it, deleting it).</summary>
    public static QueueRuleException WindowBusy(string windowName, int windowNumber) =>
        Conflict("windowBusy", $"{windowName}还有已叫号或办理中的号，请原工作人员办结后再操作。", $"Window {windowNumber} has a ticket called or being served; it must be finished first.");

    public static QueueRuleException BusyElsewhere(int otherWindow) =>
        Conflict("busyElsewhere", $"您在 {otherWindow} 号窗口还有正在办理的业务，请先办结。", $"You have a ticket in progress at window {otherWindow}.");

    public static QueueRuleException SessionEnded() =>
        Unauthenticated("sessionEnded", "您的登录已失效（已退出或在别处登录），请重新登录。", "Your session has ended; please log in again.");

    public static QueueRuleException Busy() =>
        Conflict("busy", "叫号繁忙，请重试。", "The queue is busy; please try again.");

    public static QueueRuleException NumberRequired() =>
        Invalid("numberRequired", "请输入要呼叫的号码。", "number is required.");

    public static QueueRuleException UnknownNumber(string number) =>
        NotFound("unknownNumber", $"今天没有 {number} 号。", $"There is no ticket {number} today.");

    public static QueueRuleException NotWaiting(string number) =>
        Conflict("notWaiting", $"{number} 号当前不在等候中（可能刚被其他窗口呼叫）。", $"Ticket {number} is not waiting (it may just have been called elsewhere).");

    public static QueueRuleException NotCalled(string number) =>
        Conflict("notCalled", $"{number} 号已在办理中。", $"Ticket {number} is already being served.");

    public static QueueRuleException RecallLimit(string number, int recalls) =>
        Conflict("recallLimit", $"{number} 号已重呼 {recalls} 次，请标记过号。", $"Ticket {number} has been recalled {recalls} times; mark it as no-show.");

    public static QueueRuleException AlreadyServing(string number) =>
        Conflict("alreadyServing", $"{number} 号已开始办理，不能标记过号。", $"Ticket {number} is being served; it cannot be a no-show.");

    public static QueueRuleException TransferTargetRequired() =>
        Invalid("transferTargetRequired", "请选择转往的事项或窗口（serviceId 或 windowNumber）。", "Give serviceId or windowNumber.");

    public static QueueRuleException SameWindow() =>
        Invalid("sameWindow", "不能转给本窗口。", "A ticket cannot be transferred to its own window.");

    public static QueueRuleException NoWindowForService(string serviceName) =>
        Conflict("noWindowForService", $"没有窗口办理“{serviceName}”。", "No window serves that service.");

    public static QueueRuleException AlreadyHolding() =>
        Conflict("alreadyHolding", "本窗口已有挂起的号，请先呼回。", "The window already holds a ticket; call it back first.");

    public static QueueRuleException NothingHeld() =>
        Conflict("nothingHeld", "本窗口没有挂起的号。", "The window holds no ticket.");

    public static QueueRuleException AlreadyPaused() =>
        Conflict("alreadyPaused", "窗口已暂停。", "The window is already paused.");

    public static QueueRuleException ReasonTooLong() =>
        Invalid("reasonTooLong", "暂停原因不超过100字。", "The reason may have at most 100 characters.");

    public static QueueRuleException NotPaused() =>
        Conflict("notPaused", "窗口未暂停。", "The window is not paused.");

    public static QueueRuleException WindowPaused() =>
        Conflict("windowPaused", "窗口暂停中，请先恢复服务。", "The window is paused; resume first.");

    /// <summary>A ticket is still in progress or on hold (pausing, logging out).</summary>
    public static QueueRuleException TicketInProgress() =>
        Conflict("ticketInProgress", "还有正在办理或挂起的号，请先办结或过号。", "Finish or no-show the ticket in progress or on hold first.");

    public static QueueRuleException NothingAtWindow() =>
        Conflict("nothingAtWindow", "窗口当前没有正在呼叫或办理的号。", "There is no ticket at this window.");

    public static QueueRuleException InvalidLevel() =>
        Invalid("invalidLevel", "评价等级应为 1（非常不满意）到 5（非常满意）。", "level must be 1 to 5.");

    /// <summary>No finished ticket within the rating time-out (a late second press on the bus is the everyday case).</summary>
    public static QueueRuleException NothingToRate() =>
        Conflict("nothingToRate", "没有可评价的业务（尚未办结或已超过评价时限）。", "There is no finished ticket to rate at this window.");

    public static QueueRuleException AlreadyRated(string number) =>
        Conflict("alreadyRated", $"{number} 号已评价，每笔业务只能评价一次。", $"Ticket {number} is already rated.");
}
