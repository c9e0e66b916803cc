using System.Text;
using Hall.TestSupport.Postgres;
using Npgsql;

namespace Hall.QueueService.Tests.Infrastructure;

/// <summary>
/// The database a <see cref="HallServerFactory"/> runs on: the embedded SQLite file (the default) or a fresh database
/// on the tests' real PostgreSQL server. Storage and engine test classes are abstract over it and have one subclass
/// per database, so the same test bodies prove the same behaviour on both.
/// </summary>
public abstract class HallDatabase
{
    public static HallDatabase Sqlite { get; } = new SqliteDatabase();

    public static HallDatabase Postgres(PostgresServer server) => new PostgresDatabase(server);

    /// <summary>Makes an empty store for one hall server whose data folder is <paramref name="dataDirectory"/>.</summary>
    public abstract Store Create(string dataDirectory);

    /// <summary>One hall server's database: the settings that select it, and what it holds.</summary>
    public abstract class Store : IDisposable
    {
        /// <summary>Settings added to the hall server's configuration.</summary>
        public abstract IReadOnlyDictionary<string, string?> Settings { get; }

        /// <summary>The same settings as command-line arguments, for a hall server started as a real process.</summary>
        public IReadOnlyList<string> Arguments => [.. Settings.Select(s => $"--{s.Key}={s.Value}")];

        /// <summary>Everything stored, as text, to prove something is (or is not) kept in clear.</summary>
        public abstract Task<string> StoredTextAsync();

        /// <summary>Called once the hall server has stopped.</summary>
        public abstract void Dispose();
    }

    private sealed class SqliteDatabase : HallDatabase
    {
        public override Store Create(string dataDirectory) => new SqliteStore(dataDirectory);

        public override string ToString() => "SQLite";
    }

    private sealed class SqliteStore(string dataDirectory) : Store
    {
        public override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

        /// <summary>The raw bytes of the database file and its WAL, so even freed pages count.</summary>
        public override async Task<string> StoredTextAsync()
        {
            var text = new StringBuilder();
            foreach (var file in Directory.GetFiles(dataDirectory, "queue.db*"))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.Latin1);
                text.Append(await reader.ReadToEndAsync());
            }
            return text.ToString();
        }

        /// <summary>The file goes with the hall server's data folder.</summary>
        public override void Dispose()
        {
        }
    }

    private sealed class PostgresDatabase(PostgresServer server) : HallDatabase
    {
        public override Store Create(string dataDirectory) => new PostgresStore(server);

        public override string ToString() => "PostgreSQL";
    }

    private sealed class PostgresStore : Store
    {
        private readonly PostgresServer _server;
        private readonly string _name;
        private readonly string _connectionString;

        public PostgresStore(PostgresServer server)
        {
            _server = server;
            // Synchronous on purpose: test classes build their hall server in a field initialiser.
            _name = "hall_" + Guid.NewGuid().ToString("N")[..12];
            using (var admin = new NpgsqlConnection(server.AdminConnectionString))
            {
                admin.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", admin);
                create.ExecuteNonQuery();
            }
            _connectionString = server.ConnectionString(_name);
            Settings = new Dictionary<string, string?> { ["Queue:Database"] = "postgres", ["ConnectionStrings:Queue"] = _connectionString };
        }

        public override IReadOnlyDictionary<string, string?> Settings { get; }

        /// <summary>Every row of every table, in PostgreSQL's text form.</summary>
        public override async Task<string> StoredTextAsync()
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            var text = new StringBuilder();
            foreach (var table in tables)
            {
                await using var rows = new NpgsqlCommand($"SELECT r::text FROM \"{table}\" r", connection);
                await using var reader = await rows.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    text.AppendLine(reader.GetString(0));
                }
            }
            return text.ToString();
        }

        /// <summary>Closes the pooled connections and drops the database, so a long run does not pile up idle connections.</summary>
        public override void Dispose()
        {
            using (var pooled = new NpgsqlConnection(_connectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }
            using var admin = new NpgsqlConnection(_server.AdminConnectionString);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
    }
}
