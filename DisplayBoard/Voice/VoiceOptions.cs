using System.ComponentModel.DataAnnotations;

namespace Hall.DisplayBoard.Voice;

/// <summary>Voice calls (section <c>Voice</c>).</summary>
public sealed class VoiceOptions
{
    public const string Section = "Voice";
    public const string DefaultTemplate = "请{number}号到{window}号窗口办理";

    public bool Enabled { get; set; } = true;

    /// <summary>When set, every announcement is written here as a WAV file instead of being played.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>
    /// The hall's words with <c>{number}</c> and <c>{window}</c>. Empty: the server's announcement text
    /// (which follows the hall's template), or <see cref="DefaultTemplate"/> when the server sends none.
    /// </summary>
    public string? Template { get; set; }

    /// <summary>
    /// Announcements that may wait to be spoken; when calls come faster than they can be said the oldest waiting one is
    /// dropped (and counted, and logged): a call minutes late sends people to a window that has moved on.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Voice:MaxQueued must be between 1 and 1000.")]
    public int MaxQueued { get; set; } = 20;

    [Range(1, 5, ErrorMessage = "Voice:Repeat must be between 1 and 5.")]
    public int Repeat { get; set; } = 2;

    [Range(0, 10_000, ErrorMessage = "Voice:GapMilliseconds must be between 0 and 10000.")]
    public int GapMilliseconds { get; set; } = 800;

    /// <summary>espeak-ng voice; <c>cmn</c> is Mandarin.</summary>
    [Required(ErrorMessage = "Voice:SynthesizerVoice is required (for example cmn).")]
    public string SynthesizerVoice { get; set; } = "cmn";

    [Range(80, 450, ErrorMessage = "Voice:WordsPerMinute must be between 80 and 450.")]
    public int WordsPerMinute { get; set; } = 140;

    /// <summary>The espeak-ng program; a full path when it is not on PATH (Windows).</summary>
    [Required(ErrorMessage = "Voice:EspeakPath is required (for example espeak-ng).")]
    public string EspeakPath { get; set; } = "espeak-ng";
}
