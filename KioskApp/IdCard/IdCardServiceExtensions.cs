using Hall.KioskApp.Options;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.IdCard;

public static class IdCardServiceExtensions
{
    /// <summary>The <c>IdCard</c> settings, what lies on the reader, and the reader loop (idle without <c>IdCard:PortName</c>).</summary>
    public static IHostApplicationBuilder AddIdCardReader(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<IdCardOptions>, IdCardOptionsValidator>();
        services.AddOptions<IdCardOptions>().BindConfiguration(IdCardOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IdCardPresence>();
        services.AddSingleton<IdCardReaderService>();
        services.AddHostedService(provider => provider.GetRequiredService<IdCardReaderService>());
        return builder;
    }
}
