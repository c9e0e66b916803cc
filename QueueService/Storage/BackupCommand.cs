using Microsoft.Data.Sqlite;

namespace Hall.QueueService.Storage;

/// <summary>
/// Backup and restore of the embedded database from the command line:
/// <c>QueueService backup --Queue:DataDirectory=DIR --to FILE</c> makes a consistent copy while the server runs
/// (SQLite <c>VACUUM INTO</c> reads one snapshot beside the writer in WAL mode);
/// <c>QueueService restore --Queue:DataDirectory=DIR --from FILE</c> puts a copy back while the server is stopped.
/// PostgreSQL is backed up with its own tools (pg_dump, base backups).
/// <c>QueueService verify-audit --Queue:DataDirectory=DIR --Audit:KeyFile=FILE</c> checks a copy's event chain.
/// </summary>
public static class BackupCommand
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "backup" or "restore" or Audit.VerifyAuditCommand.Name;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args[0] == Audit.VerifyAuditCommand.Name)
        {
            // The auditor's check of a restored backup (Audit/VerifyAuditCommand.cs).
            return await Audit.VerifyAuditCommand.RunAsync(args[1..], output, error);
        }
        var settings = new ConfigurationBuilder().AddCommandLine(args[1..]).Build();
        var directory = Path.GetFullPath(settings["Queue:DataDirectory"] ?? "data");
        var database = Path.Combine(directory, "queue.db");
        try
        {
            if (args[0] == "backup")
            {
                var target = Path.GetFullPath(settings["to"] ?? throw new ArgumentException("backup needs --to FILE"));
                if (!File.Exists(database))
                {
                    throw new ArgumentException($"There is no database at {database} (check --Queue:DataDirectory).");
                }
                if (File.Exists(target))
                {
                    throw new ArgumentException($"{target} exists already; name a new file.");
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout = 30000; VACUUM INTO $target";
                command.Parameters.AddWithValue("$target", target);
                await command.ExecuteNonQueryAsync();
                await output.WriteLineAsync($"Backed up {database} to {target} ({new FileInfo(target).Length} bytes).");
                return 0;
            }

            var source = Path.GetFullPath(settings["from"] ?? throw new ArgumentException("restore needs --from FILE"));
            await CheckIntegrityAsync(source);
            Directory.CreateDirectory(directory);
            // The server must be stopped: the old WAL and shared-memory files belong to the old database.
            foreach (var stale in new[] { database + "-wal", database + "-shm" })
            {
                File.Delete(stale);
            }
            File.Copy(source, database, overwrite: true);
            await output.WriteLineAsync($"Restored {source} to {database}.");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or SqliteException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"QueueService {args[0]} failed: {e.Message}");
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task CheckIntegrityAsync(string file)
    {
        if (!File.Exists(file))
        {
            throw new ArgumentException($"{file} does not exist.");
        }
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = (string?)await command.ExecuteScalarAsync();
        if (result != "ok")
        {
            throw new ArgumentException($"{file} is not a sound queue database: {result}");
        }
    }
}
