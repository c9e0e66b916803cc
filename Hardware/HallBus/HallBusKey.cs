namespace Hall.Hardware.HallBus;

/// <summary>The keys of a hardware caller (呼叫器), as sent in a KEY frame.</summary>
public enum HallBusKey : byte
{
    /// <summary>顺呼: call the next ticket.</summary>
    CallNext = 0x01,

    /// <summary>重呼: call the current ticket again.</summary>
    Recall = 0x02,

    /// <summary>开始办理.</summary>
    StartService = 0x03,

    /// <summary>办结, and invite a rating.</summary>
    Finish = 0x04,

    /// <summary>过号.</summary>
    NoShow = 0x05,

    /// <summary>暂停 / 恢复.</summary>
    PauseResume = 0x06,

    /// <summary>挂起.</summary>
    Hold = 0x07,

    /// <summary>Call back the held ticket.</summary>
    CallBackHeld = 0x08,

    /// <summary>转移 to the window given in the key's argument byte.</summary>
    Transfer = 0x09,

    /// <summary>求助: call the hall's duty supervisor to the window (protocol 1.1).</summary>
    Help = 0x0A,
}
