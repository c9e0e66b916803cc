using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Audit;

/// <summary>
/// <c>QueueService verify-audit --Queue:DataDirectory=DIR --Audit:KeyFile=FILE</c>: an auditor checks the event chain of
/// a database (a restored backup, or PostgreSQL with <c>--Queue:Database=postgres --ConnectionStrings:Queue=…</c>)
/// without starting the server and without changing anything. Exit code 0: the chain holds; 2: it is broken (the first
/// row that does not fit is named); 1: it could not be checked.
/// </summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var settings = new ConfigurationBuilder().AddCommandLine(args).Build();
        var options = new QueueStorageOptions();
        settings.GetSection(QueueStorageOptions.Section).Bind(options);
        try
        {
            var key = AuditKey.LoadExisting(settings);
            if (options.Kind == DatabaseKind.Sqlite && !File.Exists(Path.Combine(Path.GetFullPath(options.DataDirectory), "queue.db")))
            {
                throw new InvalidOperationException($"There is no database in {Path.GetFullPath(options.DataDirectory)} (check --Queue:DataDirectory).");
            }
            using var database = new QueueDatabase(Options.Create(options), settings);
            var result = await AuditVerifier.VerifyAsync(database, key, CancellationToken.None);
            if (result.Ok)
            {
                await output.WriteLineAsync($"Audit chain ok: {result.Events} events checked with the key {key.Path}.");
                return 0;
            }
            await output.WriteLineAsync($"Audit chain broken: event {result.FirstBadEventId} is the first that does not fit ({result.Events} events checked).");
            return 2;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"QueueService {Name} failed: {e.Message}");
            return 1;
        }
    }
}
