using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>Taking a number: at the kiosk, from the phone, through the green channel.</summary>
public static partial class QueueProblems
{
    public static QueueRuleException ServiceRequired() =>
        Invalid("serviceRequired", "请选择要办理的事项（serviceId 必填）。", "serviceId is required.");

    /// <summary>The request names a service the hall does not have (400: the request is wrong).</summary>
    public static QueueRuleException UnknownService(int id) =>
        Invalid("unknownService", $"没有编号为 {id} 的事项。", $"There is no service {id}.");

    /// <summary>
    /// The service addressed (its guide, its slots, its administration) does not exist (404). The one code shared by two
    /// entries: clients and tests know <c>unknownService</c> both as the kiosk's 400 and as the guide's 404.
    /// </summary>
    public static QueueRuleException ServiceNotFound(int id) =>
        NotFound("unknownService", $"没有编号为 {id} 的事项。", $"There is no service {id}.");

    public static QueueRuleException NoGuide(string serviceName) =>
        NotFound("noGuide", $"“{serviceName}”暂无办事指南，请到咨询导办窗口咨询。", "There is no guide for this service yet; ask at the help desk.");

    public static QueueRuleException FormNotFound(string name) =>
        NotFound("formNotFound", $"没有名为“{name}”的表格，请到咨询导办窗口领取。", "There is no such form here; ask at the help desk.");

    /// <summary>A ticket or booking names a service that has since been removed from the hall.</summary>
    public static QueueRuleException ServiceWithdrawn(int id) =>
        Conflict("serviceWithdrawn", $"编号为 {id} 的事项已不再办理，请到咨询导办窗口。", $"Service {id} is no longer offered.");

    public static QueueRuleException UnknownTicket(Guid id) =>
        NotFound("unknownTicket", $"没有这张票 {id}。", $"There is no ticket {id}.");

    public static QueueRuleException IdNumberRequired() =>
        Invalid("idNumberRequired", "需要身份证号码，请刷身份证或输入号码（凭条只显示后四位）。", "An ID number is required (only its last four digits are shown).");

    public static QueueRuleException InvalidIdNumber() =>
        Invalid("invalidIdNumber", "身份证号码有误，请核对后重新输入。", "The ID number is not valid.");

    public static QueueRuleException InvalidIdempotencyKey() =>
        Invalid("invalidIdempotencyKey", "Idempotency-Key 应为1–100个可见ASCII字符。", "Idempotency-Key must be 1–100 visible ASCII characters.");

    public static QueueRuleException InvalidPriority(string? priority) =>
        Invalid("invalidPriority", $"priority 只能是 normal、green 或 elderly，不能是“{priority}”。", "priority must be normal, green or elderly.");

    public static QueueRuleException StaffCodeRequired() =>
        Forbidden("staffCodeRequired", "绿色通道需由工作人员输入有效工号开通。", "The green channel needs a valid staff code.");

    public static QueueRuleException GreenChannelNeedsPin() =>
        Unauthenticated("greenChannelNeedsPin", "绿色通道需由工作人员输入工号和密码开通。", "The green channel needs a clerk's staff code and PIN.");

    public static QueueRuleException WrongPin() =>
        Unauthenticated("wrongPin", "工号或密码错误，绿色通道未开通。", "Wrong staff code or PIN; the green channel was not opened.");

    /// <summary>The citizen already holds a ticket for the service; <paramref name="ticket"/> lets the kiosk reprint it.</summary>
    public static QueueRuleException DuplicateTicket(string serviceName, string number, object? ticket) =>
        Conflict("duplicateTicket", $"您已取过“{serviceName}”的号 {number}，请等候叫号；如需要可重新打印。", $"You already hold ticket {number} for this service.",
            new Dictionary<string, object?> { ["ticket"] = ticket });

    public static QueueRuleException QuotaExhausted(string serviceName, int dailyQuota) =>
        Conflict("quotaExhausted", $"“{serviceName}”今日号源已取完（每日 {dailyQuota} 个），请明天再来或预约。", $"Today's {dailyQuota} tickets for this service are all taken.");

    /// <summary>409 on a declared holiday; the holiday's name is in the detail (节假日闭厅).</summary>
    public static QueueRuleException HallClosed(string holiday) =>
        Conflict("hallClosed", $"今天是{holiday}假期，大厅不办公，请在工作日前来。", $" The hall is closed today for a public holiday ({holiday}); please come on a working day.");

    public static QueueRuleException OutsideTicketingHours(string serviceName, string hours) =>
        Conflict("outsideTicketingHours", $"“{serviceName}”的取号时间为 {hours}，现在不能取号。", $"Tickets for this service are issued {hours} only.");

    public static QueueRuleException RemoteTicketingNotOffered(string serviceName) =>
        Conflict("remoteTicketingNotOffered", $"“{serviceName}”不支持网上取号，请到大厅取号机取号。", "This service issues numbers in the hall only.");

    public static QueueRuleException RemoteTicketLimitReached(int limit) =>
        Conflict("remoteTicketLimitReached", $"同一身份证号每天最多网上取号 {limit} 次，请到大厅取号机取号。", $"One ID number may take at most {limit} numbers a day from the phone.");
}
