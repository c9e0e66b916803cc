using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>到号短信提醒: the phone a citizen leaves for the "your turn is near" text messages.</summary>
public static partial class QueueProblems
{
    public static QueueRuleException InvalidMobilePhone() =>
        Invalid("invalidMobilePhone", "到号短信提醒需要 11 位中国大陆手机号码（如 13812345678），请核对后重新输入。",
            "The text reminder needs an 11-digit mainland China mobile number (for example 13812345678).");

    public static QueueRuleException SmsPhoneRequired() =>
        Invalid("smsPhoneRequired", "已同意到号短信提醒，请填写手机号码。", "You agreed to a text reminder: please give a mobile number.");
}
