using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>Notices for the boards (公开屏).</summary>
public static partial class QueueProblems
{
    public static QueueRuleException UnknownNotice(long id) =>
        NotFound("unknownNotice", $"没有编号为 {id} 的公告。", $"There is no notice {id}.");

    public static QueueRuleException NoticeTitleRequired() =>
        Invalid("noticeTitleRequired", "title: 公告标题不能为空。", "title: a notice needs a title.");

    public static QueueRuleException NoticePeriodInvalid() =>
        Invalid("noticePeriodInvalid", "to: 公告的结束时间必须晚于开始时间。", "to: a notice must end after it starts (to later than from).");
}
