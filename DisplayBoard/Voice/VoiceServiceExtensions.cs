using Hall.DisplayBoard.HallConnection;
using Hall.Hardware.Voice;
using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.Voice;

public static class VoiceServiceExtensions
{
    /// <summary>Voice calls: espeak-ng, one queue, played on the default audio device or written as WAV files.</summary>
    public static IHostApplicationBuilder AddVoice(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VoiceOptions>()
            .BindConfiguration(VoiceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(VoiceOptions.Section).Get<VoiceOptions>() ?? new VoiceOptions();
        if (!settings.Enabled)
        {
            return builder;
        }
        builder.Services.AddSingleton<ISpeechSynthesizer>(sp =>
        {
            var voice = sp.GetRequiredService<IOptions<VoiceOptions>>().Value;
            return new EspeakNgSynthesizer(voice.EspeakPath, voice.SynthesizerVoice, voice.WordsPerMinute);
        });
        builder.Services.AddSingleton<IAnnouncementOutput>(sp =>
        {
            var voice = sp.GetRequiredService<IOptions<VoiceOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(voice.OutputDirectory))
            {
                return new WavFileAnnouncementOutput(voice.OutputDirectory, sp.GetRequiredService<TimeProvider>());
            }
            var player = AudioPlayers.FindDefault() ?? throw new OptionsValidationException(VoiceOptions.Section, typeof(VoiceOptions),
                ["No audio player found (paplay, pw-play or aplay): install one, set Voice:OutputDirectory, or set Voice:Enabled=false (未找到音频播放程序)."]);
            return new SpeakerAnnouncementOutput(player);
        });
        builder.Services.AddSingleton<AnnouncementQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AnnouncementQueue>());
        builder.Services.AddSingleton<IHallObserver, VoiceAnnouncer>();
        return builder;
    }
}
