using Hall.Contracts.Api;
using Hall.KioskApp.Options;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.HallServer;

public static class HallServerServiceExtensions
{
    /// <summary>The kiosk's settings (validated at start) and its client of the hall server, presenting the device key.</summary>
    public static IHostApplicationBuilder AddHallServer(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<KioskOptions>, KioskOptionsValidator>();
        services.AddOptions<KioskOptions>().BindConfiguration(KioskOptions.SectionName).ValidateOnStart();
        services.AddHttpClient<HallServerClient>((provider, http) =>
        {
            var kiosk = provider.GetRequiredService<IOptions<KioskOptions>>().Value;
            http.BaseAddress = kiosk.ServerUri;
            http.Timeout = TimeSpan.FromSeconds(kiosk.ServerTimeoutSeconds);
            if (!string.IsNullOrEmpty(kiosk.DeviceKey))
            {
                http.DefaultRequestHeaders.Add(DeviceHeaders.Key, kiosk.DeviceKey);
            }
        });
        return builder;
    }
}
