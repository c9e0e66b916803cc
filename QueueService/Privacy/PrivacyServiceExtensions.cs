namespace Hall.QueueService.Privacy;

public static class PrivacyServiceExtensions
{
    /// <summary>Privacy settings, the eraser and the retention sweep.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PersonalDataEraser>();
        services.AddHostedService<PersonalDataRetentionService>();
        return services;
    }
}
