using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>Hall and city (三级政务服务网络): hall keys and the uplink's chain.</summary>
public static partial class QueueProblems
{
    public static QueueRuleException HallKeyRequired() =>
        Unauthenticated("hallKeyRequired", "请在 X-Hall-Key 中提供本厅的上报密钥（由市级管理员签发）。", "Send this hall's uplink key (issued by the city's administrator) in X-Hall-Key.");

    public static QueueRuleException HallKeyInvalid() =>
        Unauthenticated("hallKeyInvalid", "上报密钥无效或已被吊销，请联系市级管理员。", "The hall's uplink key is unknown or has been revoked; ask the city's administrator.");

    public static QueueRuleException OtherHallsBatch(string keyHall, string batchHall) =>
        Forbidden("otherHallsBatch", $"密钥属于 {keyHall}，不能上报 {batchHall} 的数据。", $"The key is {keyHall}'s; it cannot send {batchHall}'s events.");

    public static QueueRuleException UplinkChainBroken(string hallId, long eventId) =>
        Conflict("uplinkChainBroken", $"{hallId} 上报的事件 {eventId} 与已收到的记录链不衔接（缺失或次序错误），已拒收并告警。",
            $"{hallId}'s event {eventId} does not follow the chain received so far (missing or out of order); refused and alerted.");

    public static QueueRuleException UplinkEventChanged(string hallId, long eventId) =>
        Conflict("uplinkEventChanged", $"{hallId} 再次上报的事件 {eventId} 与已收到的内容不同，已拒收并告警。",
            $"{hallId} sent event {eventId} again with different content; refused and alerted.");

    public static QueueRuleException UplinkHallExists(string hallId) =>
        Conflict("uplinkHallExists", $"{hallId} 已有上报密钥；如需更换，请先吊销。", $"{hallId} already has an uplink key; revoke it first to issue a new one.");

    public static QueueRuleException UplinkHallUnknown(string hallId) =>
        NotFound("uplinkHallUnknown", $"没有名为 {hallId} 的下级大厅。", $"No hall {hallId} uplinks to this city.");

    public static QueueRuleException UplinkHallInvalid() =>
        Invalid("uplinkHallInvalid", "hallId: 请填写大厅编号（字母、数字、- 或 _，不超过 64 个字符）和名称。",
            "hallId: give the hall's id (letters, digits, - or _, at most 64) and its name.");

    public static QueueRuleException UplinkBatchInvalid(string why) =>
        Invalid("uplinkBatchInvalid", "上报数据格式有误：" + why, "The uplink batch is malformed: " + why);
}
