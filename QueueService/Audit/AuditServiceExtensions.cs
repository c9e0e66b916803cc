namespace Hall.QueueService.Audit;

public static class AuditServiceExtensions
{
    /// <summary>The verifier of the event chain (the chain itself is written by every event append).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddSingleton<AuditVerifier>();
}
