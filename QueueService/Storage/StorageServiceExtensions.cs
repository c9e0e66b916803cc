namespace Hall.QueueService.Storage;

public static class StorageServiceExtensions
{
    /// <summary>The hall's database, embedded SQLite or PostgreSQL as <c>Queue:Database</c> says.</summary>
    public static IServiceCollection AddQueueStorage(this IServiceCollection services)
    {
        services.AddOptions<QueueStorageOptions>().BindConfiguration(QueueStorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<QueueDatabase>();
        return services;
    }
}
