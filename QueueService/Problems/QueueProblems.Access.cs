using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>Credentials and who may do what: clerks, supervisors, the administrator, devices.</summary>
public static partial class QueueProblems
{
    public static QueueRuleException TokenRequired() =>
        Unauthenticated("tokenRequired", "请先登录窗口（缺少 Authorization: Bearer 令牌）。", "Log in to the window first.");

    public static QueueRuleException TokenInvalid() =>
        Unauthenticated("invalidToken", "登录已失效，请重新登录。", "The token is not valid; log in again.");

    /// <summary>A clerk's token or an evaluator's key belongs to <paramref name="own"/>, not to the window addressed.</summary>
    public static QueueRuleException OtherWindow(int? own, int wanted) =>
        Forbidden("otherWindow",
            own is { } number ? $"此凭据属于 {number} 号窗口，不能操作 {wanted} 号窗口。" : $"此凭据不属于 {wanted} 号窗口。",
            own is { } n ? $"These credentials belong to window {n}, not window {wanted}." : $"These credentials do not belong to window {wanted}.");

    public static QueueRuleException AdminRequired() =>
        Unauthenticated("adminRequired", "请先以管理员身份登录。", "Log in as the administrator first (the administration page, or HTTP Basic from a script).");

    public static QueueRuleException AdminInvalid() =>
        Unauthenticated("invalidAdmin", "管理员用户名或密码错误。", "Wrong administrator user name or password.");

    public static QueueRuleException SupervisorRequired() =>
        Unauthenticated("supervisorRequired", "请先以值班长（督查）身份登录。", "Log in as a supervisor first.");

    public static QueueRuleException StaffRequired() =>
        Unauthenticated("staffRequired", "统计数据仅对工作人员开放，请先登录。", "Statistics are for staff: log in first.");

    public static QueueRuleException DeviceKeyRequired() =>
        Unauthenticated("deviceKeyRequired", $"本大厅要求设备密钥（{Hall.Contracts.Api.DeviceHeaders.Key}），请在设备设置中填写管理员发放的密钥。", "This hall requires a device key.");

    public static QueueRuleException InvalidDeviceKey() =>
        Unauthenticated("invalidDeviceKey", "设备密钥无效或已被吊销，请联系管理员。", "The device key is unknown or has been revoked.");

    public static QueueRuleException WrongDeviceKind(string deviceId, string kind) =>
        Forbidden("wrongDeviceKind", $"设备 {deviceId} 不能执行此操作。", $"Device '{deviceId}' ({kind}) may not do this.");

    public static QueueRuleException NotThisDevice(string presenter, string deviceId) =>
        Forbidden("notThisDevice", $"设备“{presenter}”不能报告“{deviceId}”的状态。", $"Device '{presenter}' may not report for '{deviceId}'.");

    public static QueueRuleException ForeignOrigin() =>
        Refuse(ProblemKind.Forbidden, "foreignOrigin", "不接受来自其他网站的管理请求。", "Administration requests from another site are refused.",
            title: "跨站请求 Cross-site request");

    public static QueueRuleException JsonOnly(string contentType) =>
        Refuse(ProblemKind.UnsupportedMediaType, "jsonOnly", $"管理接口只接受 application/json 内容，不接受“{contentType}”。", "Administration accepts application/json bodies only.");

    public static QueueRuleException MetricsNetworkRefused() =>
        Forbidden("metricsNetworkRefused", "指标只对本机及 Metrics:AllowedNetworks 中的网络开放。",
            "Metrics are open only to this computer and the networks in Metrics:AllowedNetworks.");

    public static QueueRuleException RequestTooLarge(long kilobytes) =>
        Refuse(ProblemKind.TooLarge, "requestTooLarge", $"请求内容超过 {kilobytes} KB，未作处理。", $"The request body is larger than {kilobytes} KB and was not processed.");

    public static QueueRuleException FieldTooLong(string field, int maxLength) =>
        Refuse(ProblemKind.Invalid, "fieldTooLong", $"{field} 不能超过 {maxLength} 个字符。", $"{field} must be at most {maxLength} characters.",
            new Dictionary<string, object?> { ["field"] = field, ["maxLength"] = maxLength });

    /// <summary>The request body could not be read as JSON (the framework's own 400).</summary>
    public static QueueRuleException UnreadableBody(string reason) =>
        Invalid("unreadableBody", "请求内容无法读取，请发送正确的 JSON。", "The request body could not be read: " + reason);

    /// <summary>The framework refused the body's content type (an endpoint that reads JSON).</summary>
    public static QueueRuleException BodyNotJson(string reason) =>
        Refuse(ProblemKind.UnsupportedMediaType, "bodyNotJson", "请以 application/json 格式发送请求内容。", "The request body must be JSON: " + reason);
}
