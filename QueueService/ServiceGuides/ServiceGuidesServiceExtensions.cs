namespace Hall.QueueService.ServiceGuides;

public static class ServiceGuidesServiceExtensions
{
    /// <summary>The sample forms folder (checked at start-up) and the forms it serves.</summary>
    public static IServiceCollection AddServiceGuides(this IServiceCollection services)
    {
        services.AddOptions<SampleFormsOptions>().BindConfiguration(SampleFormsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SampleForms>();
        return services;
    }
}
