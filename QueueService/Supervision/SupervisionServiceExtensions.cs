namespace Hall.QueueService.Supervision;

public static class SupervisionServiceExtensions
{
    /// <summary>Alerts for supervisors: the monitor that looks at the hall every few seconds and the store that raises them.</summary>
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddOptions<SupervisionOptions>().BindConfiguration(SupervisionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<HelpCalls>();
        services.AddSingleton<TemporaryPosts.TemporaryPostGrants>();
        services.AddSingleton<PauseApprovals.PauseApprovalDesk>();
        services.AddSingleton<AlertMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertMonitor>());
        return services;
    }
}
