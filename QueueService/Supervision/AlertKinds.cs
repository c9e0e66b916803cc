namespace Hall.QueueService.Supervision;

/// <summary>What a supervisor is alerted to.</summary>
public static class AlertKinds
{
    /// <summary>A citizen has waited longer than the service's alert threshold.</summary>
    public const string LongWait = "longWait";
    /// <summary>空岗: nobody logged in at a window during opening hours.</summary>
    public const string EmptyPost = "emptyPost";
    /// <summary>A service running past its promised minutes (承诺时限).</summary>
    public const string OverPromised = "overPromised";
    /// <summary>A device offline, faulty, or a printer out of paper.</summary>
    public const string Device = "device";
    /// <summary>不满意 or 非常不满意: a follow-up (回访) is due.</summary>
    public const string BadRating = "badRating";
    /// <summary>A ticket called as often as the hall allows.</summary>
    public const string RecallLimit = "recallLimit";
    /// <summary>One kiosk issuing an unusual number of elderly-priority tickets in an hour (a sign of scalpers).</summary>
    public const string ElderlyRate = "elderlyRate";
    /// <summary>离岗: a window paused longer than the hall allows (the documents: 擅自离岗15分钟以上).</summary>
    public const string LongPause = "longPause";
    /// <summary>求助: the clerk calls the duty supervisor to the window.</summary>
    public const string HelpCall = "helpCall";
    /// <summary>AB岗: a B clerk's cover reached 20 working days in a row, or 40 in the year.</summary>
    public const string BCoverLimit = "bCoverLimit";
    /// <summary>投诉超期: a complaint still open past its due time.</summary>
    public const string ComplaintOverdue = "complaintOverdue";
    /// <summary>A 差评's follow-up (回访/整改) still open past its deadline.</summary>
    public const string FollowUpOverdue = "followUpOverdue";
    /// <summary>On a city server: a hall's uplink batch refused because its chain has a gap or a changed event.</summary>
    public const string UplinkRefused = "uplinkRefused";
    /// <summary>A checked-in appointment still waiting when its slot has ended (预约未按时办理).</summary>
    public const string AppointmentNotCalled = "appointmentNotCalled";
    /// <summary>A pause whose reason needs a supervisor's approval (现场勘察): approve it or it counts as 离岗.</summary>
    public const string PauseApproval = "pauseApproval";
    /// <summary>延时服务: a clerk registered a refusal to serve after closing, with its reason.</summary>
    public const string AfterHoursRefusal = "afterHoursRefusal";
}

public sealed record AcknowledgeRequest(string? By);
