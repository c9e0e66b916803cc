using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>Complaints (投诉).</summary>
public static partial class QueueProblems
{
    public static QueueRuleException InvalidComplaintChannel(IEnumerable<string> allowed) =>
        Invalid("invalidComplaintChannel", $"channel 只能是 {string.Join("、", allowed)}。", $"channel must be one of {string.Join(", ", allowed)}.");

    public static QueueRuleException ComplaintContentRequired() =>
        Invalid("complaintContentRequired", "content: 请填写投诉内容（不超过2000字）。", "content: the complaint's text is required (at most 2000 characters).");

    public static QueueRuleException ComplaintUnknownWindow(int number) =>
        Invalid("complaintUnknownWindow", $"windowNumber: 本大厅没有 {number} 号窗口。", $"windowNumber: the hall has no window {number}.");

    public static QueueRuleException ComplaintUnknownClerk(string staffCode) =>
        Invalid("complaintUnknownClerk", $"staffCode: 本大厅没有工号为 {staffCode} 的工作人员。", $"staffCode: the hall has no clerk {staffCode}.");

    public static QueueRuleException ComplaintUnknownTicket(Guid ticketId) =>
        Invalid("complaintUnknownTicket", $"ticketId: 没有这张号票 {ticketId}。", $"ticketId: there is no ticket {ticketId}.");

    public static QueueRuleException ComplaintContactInvalid() =>
        Invalid("complaintContactInvalid", "contactName 不超过50字，contactPhone 须为有效的电话号码。", "contactName: at most 50 characters; contactPhone must be a valid phone number.");

    public static QueueRuleException ComplaintNeedsSupervisor() =>
        Unauthenticated("complaintNeedsSupervisor", "除网上投诉外，投诉须由督查人员登记，请先登录。", "Only web complaints are anonymous; other channels are entered by a logged-in supervisor.");

    public static QueueRuleException UnknownComplaint(Guid id) =>
        NotFound("unknownComplaint", $"没有这条投诉 {id}。", $"There is no complaint {id}.");

    public static QueueRuleException ComplaintNotOpen() =>
        Conflict("complaintNotOpen", "这条投诉已办结或已认定无效。", "The complaint is already closed or marked invalid.");

    public static QueueRuleException ComplaintNeedsAnswer() =>
        Conflict("complaintNeedsAnswer", "书面投诉（网上、信件）须先书面答复才能办结。", "A written complaint (web or letter) needs an answer before it is closed.");

    public static QueueRuleException ComplaintTextRequired(string field) =>
        Invalid("complaintTextRequired", $"{field}: 请填写（不超过2000字）。", $"{field}: required, at most 2000 characters.");
}
