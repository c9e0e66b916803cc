using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>Reports and supervision: dates and figures asked for, follow-ups, alerts, device reports, privacy.</summary>
public static partial class QueueProblems
{
    public static QueueRuleException InvalidDate(string name, string? value) =>
        Invalid("invalidDate", $"{name} 须为 2026-11-23 这样的日期，不能是“{value}”。", $"{name} must be a date like 2026-11-23.");

    public static QueueRuleException InvalidMonth() =>
        Invalid("invalidMonth", "month 须为 YYYY-MM 格式。", "month must look like 2026-11.");

    public static QueueRuleException InvalidRange() =>
        Invalid("invalidRange", "to 不能早于 from。", "to must not be before from.");

    public static QueueRuleException RangeTooLong(int maxDays) =>
        Invalid("rangeTooLong", $"统计区间最长 {maxDays} 天。", $"A range covers at most {maxDays} days.");

    public static QueueRuleException InvalidFormat() =>
        Invalid("invalidFormat", "format 只能是 csv 或 xlsx。", "format must be csv or xlsx.");

    public static QueueRuleException InvalidTargetWaitMinutes() =>
        Invalid("invalidTargetWaitMinutes", "目标等候分钟数须大于0且不超过1440。", "targetWaitMinutes must be above 0 and at most 1440.");

    public static QueueRuleException InvalidServiceLevel() =>
        Invalid("invalidServiceLevel", "serviceLevel 须大于0且小于1（如0.8）。", "serviceLevel must be above 0 and below 1 (e.g. 0.8).");

    public static QueueRuleException InvalidStatus(IEnumerable<string> allowed) =>
        Invalid("invalidStatus", $"status 只能是 {string.Join("、", allowed)}。", $"status must be one of {string.Join(", ", allowed)}.");

    public static QueueRuleException AnswerRequired() =>
        Invalid("answerRequired", "请填写回访或整改情况（不超过2000字）。", "An answer of at most 2000 characters is required.");

    public static QueueRuleException HandledByRequired() =>
        Invalid("handledByRequired", "请填写处理人。", "handledBy is required.");

    public static QueueRuleException UnknownFollowUp(Guid id) =>
        NotFound("unknownFollowUp", $"没有这条回访记录 {id}。", $"There is no follow-up {id}.");

    public static QueueRuleException AlreadyClosed() =>
        Conflict("alreadyClosed", "该回访已办结。", "The follow-up is already closed.");

    public static QueueRuleException AlertNotFound(long id) =>
        NotFound("alertNotFound", $"没有编号为 {id} 的提醒。", $"No alert {id}.");

    public static QueueRuleException AlreadyAcknowledged() =>
        Conflict("alreadyAcknowledged", "该提醒已确认。", "The alert is already acknowledged.");

    public static QueueRuleException DeviceIdRequired() =>
        Invalid("deviceIdRequired", "deviceId 必填，且不超过100个字符。", "deviceId is required (at most 100 characters).");

    public static QueueRuleException NoGatewayBus() =>
        NotFound("noGatewayBus", "本服务器的总线不经网关（未设置 Bus:GatewayDeviceId）。", "This server's hall bus is not carried by a gateway.");

    public static QueueRuleException OtherGateway(string? gateway, string device) =>
        Forbidden("otherGateway", $"本大厅总线由网关 {gateway} 连接，不是 {device}。", $"This hall bus belongs to gateway '{gateway}'.");

    public static QueueRuleException WebSocketRequired() =>
        Invalid("webSocketRequired", "请以 WebSocket 连接此地址。", "Connect with a WebSocket.");

    public static QueueRuleException PersonRequired() =>
        Invalid("personRequired", "请填写身份证号或手机号。", "Give an ID number or a phone number.");
}
