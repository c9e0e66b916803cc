using System.Security.Cryptography;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.Audit;
using Hall.QueueService.Queue;
using Hall.QueueService.Queue.Tables;
using Hall.QueueService.Security;
using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.HallSetup;

/// <summary>
/// Start-up: migrate the schema, load the hall (the configured hall file, else the stored hall, else the demo hall on
/// an empty database), load secrets and make sure every window has a state row. Runs before the server listens, so
/// <c>/health</c> answers only when the hall is ready.
/// </summary>
public static partial class HallInitializer
{
    public static async Task InitializeHallAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var database = services.GetRequiredService<QueueDatabase>();
        var options = services.GetRequiredService<IOptions<QueueStorageOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hall.Startup");

        var applied = await SchemaMigrator.MigrateAsync(database, cancellationToken);
        if (applied > 0)
        {
            LogMigrated(logger, applied, database.Kind.ToString());
        }
        if (await EventChain.ChainEarlierRowsAsync(database, database.AuditKey, cancellationToken) is > 0 and var chained)
        {
            LogChainedEarlierEvents(logger, chained, database.AuditKey.Path);
        }

        var demoAllowed = ProductionMode.DemoHallAllowed(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
        var definition = await LoadDefinitionAsync(database, options, demoAllowed, time, logger, cancellationToken);
        var catalog = new HallCatalog(definition);
        services.GetRequiredService<HallCatalogHolder>().Set(catalog);
        await services.GetRequiredService<HallSecrets>().LoadAsync(database, catalog.HallId, cancellationToken);

        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await WindowStatesTable.EnsureRowsAsync(scope, catalog.HallId, catalog.Windows.Select(w => w.Number), time.GetUtcNow());
        await scope.CommitAsync(cancellationToken);
        LogReady(logger, catalog.Definition.Name, catalog.Services.Count, catalog.Windows.Count, database.DatabasePath ?? "PostgreSQL");
    }

    private static async Task<HallDefinition> LoadDefinitionAsync(QueueDatabase database, QueueStorageOptions options, bool demoAllowed, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        HallDefinition definition;
        var wanted = string.IsNullOrWhiteSpace(options.HallId) ? null : options.HallId.Trim();
        if (options.HallFile is { Length: > 0 } path)
        {
            var file = HallFileLoader.LoadFile(path);
            if (wanted is not null && file.Id != wanted)
            {
                throw new HallFileException($"Queue:HallId is '{wanted}' but the hall file {path} (Queue:HallFile) is for hall '{file.Id}'.");
            }
            // The file wins only when it changed since it was last loaded: changes the administrator made through
            // /api/admin since then survive a restart with the same file.
            var fileHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
            var loadedHash = await scope.Connection.QueryFirstOrDefaultAsync<string>(
                "SELECT value FROM settings WHERE hall_id = @hall AND name = 'hallFileSha256'", new { hall = file.Id }, scope.Transaction);
            var stored = await scope.Connection.QueryFirstOrDefaultAsync<string>(
                "SELECT definition FROM halls WHERE id = @hall", new { hall = file.Id }, scope.Transaction);
            if (loadedHash == fileHash && stored is not null)
            {
                definition = HallFileLoader.Parse(stored, "stored in the database");
                LogFileUnchanged(logger, path);
            }
            else
            {
                definition = await StoreAsync(scope, file, time);
                if (stored is not null)
                {
                    // A hall file that changes a PIN ends that clerk's logins, as an administrator's change does.
                    await SessionEnds.EndChangedPinSessionsAsync(scope, HallFileLoader.Parse(stored, "stored in the database"), definition, time.GetUtcNow());
                }
                await scope.Connection.ExecuteAsync(
                    """
                    INSERT INTO settings (hall_id, name, value) VALUES (@hall, 'hallFileSha256', @hash)
                    ON CONFLICT (hall_id, name) DO UPDATE SET value = excluded.value
                    """,
                    new { hall = file.Id, hash = fileHash }, scope.Transaction);
                LogLoadedFile(logger, path);
            }
        }
        else
        {
            var stored = (await scope.Connection.QueryAsync<(string Id, string Definition)>(
                "SELECT id, definition FROM halls ORDER BY id", transaction: scope.Transaction)).ToList();
            if (wanted is not null)
            {
                var row = stored.FirstOrDefault(h => h.Id == wanted);
                definition = row.Definition is not null
                    ? HallFileLoader.Parse(row.Definition, "stored in the database")
                    : throw new HallFileException($"Queue:HallId: hall '{wanted}' is not in the database; start once with Queue:HallFile to store it.");
            }
            else if (stored.Count > 1)
            {
                throw new HallFileException(
                    $"Queue:HallId is needed: the database holds several halls ({string.Join(", ", stored.Select(h => h.Id))}); say which one this server runs.");
            }
            else if (stored.Count == 1)
            {
                definition = HallFileLoader.Parse(stored[0].Definition, "stored in the database");
            }
            else if (!demoAllowed)
            {
                throw new HallFileException(
                    "Queue:HallFile is not set and the database is empty: the demo hall is loaded only in Development (or with --Queue:DemoHall=true outside Production); give the hall file.");
            }
            else
            {
                definition = await StoreAsync(scope, HallFileLoader.LoadDemoHall(), time);
                LogLoadedDemo(logger);
            }
        }
        await scope.CommitAsync(cancellationToken);
        return definition;
    }

    /// <summary>Stores a hall as it is kept: plain device keys from the file become hashed keys; returns the stored definition.</summary>
    public static async Task<HallDefinition> StoreAsync(WriteScope scope, HallDefinition definition, TimeProvider time)
    {
        var now = time.GetUtcNow();
        definition = await DeviceKeyStore.AlignKeysWithHallAsync(scope, definition, now);
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO halls (id, definition, updated_at) VALUES (@id, @definition, @now)
            ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at
            """,
            new { id = definition.Id, definition = HallFileLoader.Serialize(definition), now = now.ToUnixMs() },
            scope.Transaction);
        return definition;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} schema migrations ({Database})")]
    private static partial void LogMigrated(ILogger logger, int count, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chained {Count} event rows written before the audit chain existed, with the key {KeyFile}")]
    private static partial void LogChainedEarlierEvents(ILogger logger, int count, string keyFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the hall file {Path}")]
    private static partial void LogLoadedFile(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "The hall file {Path} is unchanged since it was loaded: the stored hall, with the administrator's changes, is used")]
    private static partial void LogFileUnchanged(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty database: loaded the demo hall")]
    private static partial void LogLoadedDemo(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hall ready: {Name}, {Services} services, {Windows} windows, database {Database}")]
    private static partial void LogReady(ILogger logger, string name, int services, int windows, string database);
}
