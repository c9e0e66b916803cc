namespace Hall.QueueService.ScaleOut;

/// <summary>This server process among the instances sharing one database: a new id at every start.</summary>
public sealed class InstanceIdentity
{
    public Guid Id { get; } = Guid.CreateVersion7();
}
