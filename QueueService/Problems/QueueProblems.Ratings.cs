using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>好差评: reasons, the phone rating and appeals (申诉复核).</summary>
public static partial class QueueProblems
{
    public static QueueRuleException InvalidRatingReasons(int level, IEnumerable<string> known) =>
        Invalid("invalidRatingReason", $"reasons: 所选原因不属于该评价等级，可选：{string.Join("、", known)}。",
            $"reasons: a reason is not one of level {level}'s options ({string.Join(", ", known)}).");

    public static QueueRuleException WrongTrackingKey() =>
        Forbidden("wrongTrackingKey", "评价链接无效，请扫描取号凭条上的二维码。", "The rating link's key is wrong; scan the QR code on your ticket.");

    public static QueueRuleException NotDoneYet(string number) =>
        Conflict("notDoneYet", $"{number} 号尚未办结，办结后才能评价。", $"Ticket {number} is not finished yet; rate it once it is done.");

    public static QueueRuleException RatingWindowClosed(string number, int hours) =>
        Conflict("ratingWindowClosed", $"{number} 号办结已超过 {hours} 小时，评价通道已关闭。", $"Ticket {number} was finished over {hours} hours ago; it can no longer be rated.");

    public static QueueRuleException NotYourRating() =>
        Forbidden("notYourRating", "只有被评价的工作人员本人可以申诉。", "Only the clerk who was rated may appeal.");

    public static QueueRuleException AppealReasonRequired() =>
        Invalid("appealReasonRequired", "reason: 请填写申诉理由（不超过 500 字）。", "reason: say why the rating should be reviewed (at most 500 characters).");

    public static QueueRuleException AlreadyAppealed() =>
        Conflict("alreadyAppealed", "该评价已申诉过，请等待复核结果。", "This rating has already been appealed.");

    public static QueueRuleException NoAppeal() =>
        Conflict("noAppeal", "该评价没有待复核的申诉。", "There is no appeal to review on this follow-up.");

    public static QueueRuleException VisitRequired() =>
        Invalid("visitRequired", "请填写回访方式（phone、sms、visit、onSite）、回访人和群众意见。", "A follow-up call needs its channel (phone, sms, visit, onSite), who made it and what the citizen said.");
}
