using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>Administration: changing the hall's services, windows, clerks and devices without stranding anyone.</summary>
public static partial class QueueProblems
{
    /// <summary>400 naming every bad field, e.g. <c>services[8].prefix: 'A' is used twice</c>.</summary>
    public static QueueRuleException InvalidHall(IReadOnlyList<string> errors) =>
        Refuse(ProblemKind.Invalid, "invalidHall", "大厅配置有误，请修改后再提交。", "The hall configuration is invalid: " + string.Join("; ", errors),
            new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>400 naming every bad line or entry of a calendar year.</summary>
    public static QueueRuleException InvalidCalendar(int year, IReadOnlyList<string> errors) =>
        Refuse(ProblemKind.Invalid, "invalidCalendar", $"{year} 年的节假日安排有误：" + string.Join("；", errors),
            $"The {year} calendar is invalid: " + string.Join("; ", errors), new Dictionary<string, object?> { ["errors"] = errors });

    public static QueueRuleException InvalidYear(string? year) =>
        Invalid("invalidYear", $"年份“{year}”不对，应为 2000 至 2100 之间的四位数。", "The year must be a four-digit year between 2000 and 2100.");

    public static QueueRuleException HallMismatch(string fileHall, string runningHall) =>
        Conflict("hallMismatch", $"导入的配置属于大厅“{fileHall}”，本服务器运行的是“{runningHall}”。", $"The hall file is for hall '{fileHall}', this server runs hall '{runningHall}'.");

    public static QueueRuleException ServiceExists(int id) =>
        Conflict("serviceExists", $"事项编号 {id} 已存在，请用 PUT 修改。", $"Service {id} already exists; use PUT to change it.");

    public static QueueRuleException WindowExists(int number) =>
        Conflict("windowExists", $"{number}号窗口已存在，请用 PUT 修改。", $"Window {number} already exists; use PUT to change it.");

    public static QueueRuleException ClerkExists(string staffCode) =>
        Conflict("clerkExists", $"工号 {staffCode} 已存在，请用 PUT 修改。", $"Clerk {staffCode} already exists; use PUT to change it.");

    public static QueueRuleException DeviceExists(string id) =>
        Conflict("deviceExists", $"设备 {id} 已存在，请用 PUT 修改。", $"Device '{id}' already exists; use PUT to change it.");

    public static QueueRuleException IdMismatch(int body, int path) =>
        Invalid("idMismatch", $"id: 请求体中的事项编号 {body} 与地址中的 {path} 不一致。", $"The body's id {body} differs from {path} in the path.");

    public static QueueRuleException NumberMismatch(int body, int path) =>
        Invalid("numberMismatch", $"number: 请求体中的窗口号 {body} 与地址中的 {path} 不一致；改号请新增窗口后删除旧窗口。", $"The body's number differs from {path} in the path.");

    public static QueueRuleException StaffCodeMismatch(string body, string path) =>
        Invalid("staffCodeMismatch", $"staffCode: 请求体中的工号 {body} 与地址中的 {path} 不一致。", "The body's staffCode differs from the path.");

    public static QueueRuleException DeviceIdMismatch(string body, string path) =>
        Invalid("deviceIdMismatch", $"id: 请求体中的设备 {body} 与地址中的 {path} 不一致。", "The body's id differs from the path.");

    public static QueueRuleException UnknownClerk(string staffCode) =>
        NotFound("unknownClerk", $"没有工号为 {staffCode} 的工作人员。", $"There is no clerk {staffCode}.");

    public static QueueRuleException UnknownDevice(string id) =>
        NotFound("unknownDevice", $"大厅配置中没有设备 {id}。", $"There is no device '{id}' in the hall.");

    public static QueueRuleException NoActiveKey(string id) =>
        NotFound("noActiveKey", $"设备 {id} 没有有效的密钥。", $"Device '{id}' has no active key.");

    public static QueueRuleException WindowOpen(string windowName, string clerkName, int windowNumber) =>
        Conflict("windowOpen", $"{windowName}有工作人员{clerkName}登录中，请先退出登录再删除该窗口。", $"Window {windowNumber} is open (a clerk is logged in); log out first.");

    public static QueueRuleException ClerkLoggedIn(string? staffCode, string windowName, int windowNumber) =>
        Conflict("clerkLoggedIn", $"工作人员 {staffCode} 正在{windowName}登录，请先退出登录再删除。", $"Clerk {staffCode} is logged in at window {windowNumber}; log out first.");

    public static QueueRuleException ServiceInUse(string serviceName, int serviceId, long tickets) =>
        Conflict("serviceInUse", $"“{serviceName}”今天还有 {tickets} 个等候、已叫号或办理中的号，不能删除。", $"Service {serviceId} still has {tickets} waiting, called or serving tickets today.");

    public static QueueRuleException LastWindowOfService(string serviceName, int serviceId, long waiting) =>
        Conflict("lastWindowOfService", $"“{serviceName}”还有 {waiting} 位群众在等候，至少要保留一个办理它的窗口。", $"{waiting} people wait for service {serviceId}; at least one window must still serve it.");

    public static QueueRuleException WindowHasTransfers(long tickets, string windowName, int windowNumber) =>
        Conflict("windowHasTransfers", $"有 {tickets} 个号被转到{windowName}等候，不能删除该窗口。", $"{tickets} tickets wait for window {windowNumber} after a transfer.");

    public static QueueRuleException ServiceHasAppointments(string serviceName, int serviceId, long bookings) =>
        Conflict("serviceHasAppointments", $"“{serviceName}”还有 {bookings} 个未到期的预约，请先取消预约再删除。", $"Service {serviceId} still has {bookings} open appointments.");

    public static QueueRuleException PrefixUsedToday(string prefix, string serviceName, int serviceId) =>
        Conflict("prefixUsedToday", $"字头 {prefix} 今天已用于“{serviceName}”的号，明天才能给其他事项使用。", $"Prefix {prefix} numbered service {serviceId}'s tickets today; it can move to another service tomorrow.");

    public static QueueRuleException WindowWouldBeEmpty(string windowName, int windowNumber, string serviceName) =>
        Conflict("windowWouldBeEmpty", $"{windowName}只办理“{serviceName}”，请先修改或删除该窗口。", $"Window {windowNumber} serves only this service; change or delete the window first.");
}
