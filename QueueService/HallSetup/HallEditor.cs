using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Queue;
using Hall.QueueService.Queue.Tables;
using Hall.QueueService.Storage;

namespace Hall.QueueService.HallSetup;

/// <summary>
/// Changes the hall while it runs. Every change reads the stored definition (locked), applies the edit, checks the
/// whole definition and what it would strand, stores it with the new windows' state rows and an event row saying who
/// changed what, all in one write transaction; then swaps the catalog and tells every client and instance.
/// </summary>
public sealed partial class HallEditor(
    QueueDatabase database,
    HallCatalogHolder hall,
    HallEventPublisher publisher,
    TimeProvider time,
    ILogger<HallEditor> logger) : IDisposable
{
    public const string ChangedEventKind = "hallChanged";

    // One swap at a time in this process, so a reload for another instance's change never puts back an older hall.
    private readonly SemaphoreSlim _swap = new(1, 1);

    /// <summary>Applies <paramref name="edit"/> to the stored definition; it may throw a <see cref="QueueRuleException"/> (404, 409).</summary>
    public async Task<HallDefinition> ChangeAsync(Func<HallDefinition, HallDefinition> edit, string summary, string administrator, CancellationToken cancellationToken = default)
    {
        await _swap.WaitAsync(cancellationToken);
        HallDefinition next;
        try
        {
            var current = hall.Current;
            var now = time.GetUtcNow();
            await using (var scope = await database.BeginWriteAsync(cancellationToken))
            {
                var storedJson = await scope.Connection.QuerySingleAsync<string>(
                    "SELECT definition FROM halls WHERE id = @id" + database.Dialect.ForUpdate, new { id = current.HallId }, scope.Transaction);
                var stored = HallFileLoader.Parse(storedJson, "stored in the database");
                next = HallImport.KeepStoredSecrets(edit(stored), stored);
                if (!string.IsNullOrWhiteSpace(next.Id) && next.Id != current.HallId)
                {
                    throw QueueProblems.HallMismatch(next.Id, current.HallId);
                }
                ThrowIfInvalid(next);
                await HallChangeGuard.CheckAsync(scope, current, next, now);
                await HallInitializer.StoreAsync(scope, next, time);
                await Security.SessionEnds.EndChangedPinSessionsAsync(scope, stored, next, now);
                await WindowStatesTable.EnsureRowsAsync(scope, next.Id, next.Windows.Select(w => w.Number), now);
                await EventLog.AppendAsync(scope, next.Id, ChangedEventKind, now, current.HallDate(now).ToKey(),
                    new Actor("admin:" + administrator), detail: summary);
                await scope.CommitAsync(cancellationToken);
            }
            hall.Set(new HallCatalog(next));
            LogChanged(administrator, summary);
        }
        finally
        {
            _swap.Release();
        }
        await publisher.PublishAsync([new HallChangedEvent(time.GetUtcNow())], cancellationToken);
        return next;
    }

    /// <summary>Loads the stored hall again (another instance changed it) and swaps the catalog when it differs.</summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _swap.WaitAsync(cancellationToken);
        try
        {
            var current = hall.Current;
            await using var connection = await database.OpenAsync(cancellationToken);
            var storedJson = await connection.QuerySingleOrDefaultAsync<string>("SELECT definition FROM halls WHERE id = @id", new { id = current.HallId });
            if (storedJson is null || storedJson == HallFileLoader.Serialize(current.Definition))
            {
                return false;
            }
            hall.Set(new HallCatalog(HallFileLoader.Parse(storedJson, "stored in the database")));
            LogReloaded(current.HallId);
            return true;
        }
        finally
        {
            _swap.Release();
        }
    }

    public void Dispose() => _swap.Dispose();

    private static void ThrowIfInvalid(HallDefinition definition)
    {
        var errors = HallDefinitionValidator.Validate(definition).ToList();
        for (var i = 0; i < definition.Clerks.Count; i++)
        {
            if (definition.Clerks[i].Pin is not null)
            {
                errors.Add($"clerks[{i}].pin: must have at least 4 digits");
            }
        }
        if (errors.Count > 0)
        {
            throw QueueProblems.InvalidHall(errors);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Administrator} changed the hall: {Summary}")]
    private partial void LogChanged(string administrator, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reloaded hall {HallId} changed by another instance")]
    private partial void LogReloaded(string hallId);
}
