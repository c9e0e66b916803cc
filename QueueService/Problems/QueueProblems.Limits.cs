using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>
/// Too many tries or requests (429). Each carries <c>retryAfterSeconds</c>; the API also sends it as <c>Retry-After</c>.
/// </summary>
public static partial class QueueProblems
{
    public static QueueRuleException LoginLocked(int minutes, long retryAfterSeconds) =>
        TooMany("loginLocked", "登录已锁定 Login locked",
            $"密码错误次数过多，请 {minutes} 分钟后再试。", $"Too many wrong attempts; try again in {minutes} minutes.", retryAfterSeconds);

    public static QueueRuleException TooManyPinTries(int retryAfterSeconds) =>
        TooMany("tooManyPinTries", "尝试过于频繁 Too many tries",
            $"本机绿色通道密码尝试次数过多，请 {(retryAfterSeconds + 59) / 60} 分钟后再试，或到咨询导办窗口办理。",
            $"Too many green-channel PIN tries from this address; try again in {(retryAfterSeconds + 59) / 60} minutes.", retryAfterSeconds);

    public static QueueRuleException IssuingTooFast(string? kiosk, int retryAfterSeconds) =>
        TooMany("issuingTooFast", "取号过于频繁 Too many tickets",
            $"本机取号过于频繁，请 {WaitZh(retryAfterSeconds)}后再试。", $"Kiosk '{kiosk}' is issuing too fast; try again in {WaitEn(retryAfterSeconds)}.", retryAfterSeconds);

    public static QueueRuleException TooManyRemoteTickets(int retryAfterSeconds) =>
        TooMany("tooManyRemoteTickets", "网上取号过于频繁 Too many remote tickets",
            $"同一网络地址取号次数已达上限，请 {WaitZh(retryAfterSeconds)}后再试，或到大厅取号机取号。",
            $"Too many numbers from this address; try again in {WaitEn(retryAfterSeconds)} or take one in the hall.", retryAfterSeconds);

    public static QueueRuleException TooManyBookings(int retryAfterSeconds) =>
        TooMany("tooManyBookings", "预约过于频繁 Too many bookings",
            $"同一网络地址预约次数已达上限，请 {WaitZh(retryAfterSeconds)}后再试。", $"Too many bookings from this address; try again in {WaitEn(retryAfterSeconds)}.", retryAfterSeconds);

    public static QueueRuleException TooManyLogins(int retryAfterSeconds) =>
        TooMany("tooManyLogins", "登录尝试过于频繁 Too many logins",
            $"登录尝试过于频繁，请 {WaitZh(retryAfterSeconds)}后再试。", $"Too many login attempts from this address; try again in {WaitEn(retryAfterSeconds)}.", retryAfterSeconds);

    public static QueueRuleException TooManyComplaints(int retryAfterSeconds) =>
        TooMany("tooManyComplaints", "投诉提交过于频繁 Too many complaints",
            $"同一网络地址提交次数已达上限，请 {WaitZh(retryAfterSeconds)}后再试，或拨打投诉电话。",
            $"Too many complaints from this address; try again in {WaitEn(retryAfterSeconds)} or call the complaint line.", retryAfterSeconds);

    /// <summary>The bounded work queue is full (no per-client policy refused it).</summary>
    public static QueueRuleException ServerBusy(int retryAfterSeconds) =>
        TooMany("serverBusy", "系统繁忙 Server busy",
            $"系统繁忙，请 {WaitZh(retryAfterSeconds)}后再试。", $"The server is busy; try again in {WaitEn(retryAfterSeconds)}.", retryAfterSeconds);

    public static QueueRuleException TooManyRequests(int retryAfterSeconds) =>
        TooMany("tooManyRequests", HallProblem.TitleOf(ProblemKind.TooMany),
            $"请求过于频繁，请 {WaitZh(retryAfterSeconds)}后再试。", $"Too many requests; try again in {WaitEn(retryAfterSeconds)}.", retryAfterSeconds);

    private static QueueRuleException TooMany(string code, string title, string chinese, string english, long retryAfterSeconds) =>
        Refuse(ProblemKind.TooMany, code, chinese, english, new Dictionary<string, object?> { ["retryAfterSeconds"] = retryAfterSeconds }, title);

    private static string WaitZh(int seconds) => seconds >= 120 ? $"{(seconds + 59) / 60} 分钟" : $"{seconds} 秒";

    private static string WaitEn(int seconds) => seconds >= 120 ? $"{(seconds + 59) / 60} minutes" : $"{seconds} s";
}
