using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Storage;

/// <summary>Settings under <c>Queue:</c>.</summary>
public sealed class QueueStorageOptions : IValidatableObject
{
    public const string Section = "Queue";

    /// <summary>Folder of the embedded database (created if missing).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>sqlite</c> (embedded, default) or <c>postgres</c> (with <c>ConnectionStrings:Queue</c>).</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>
    /// <c>hall</c> (default): a hall server. <c>city</c>: also a city server (三级政务服务网络) that takes the event
    /// records its halls uplink and answers the city's figures; it needs PostgreSQL.
    /// </summary>
    public string Role { get; set; } = "hall";

    public bool IsCity => Role.Equals("city", StringComparison.OrdinalIgnoreCase);

    /// <summary>A hall file to load at start; without it the stored hall (or the demo hall on an empty database) is used.</summary>
    public string? HallFile { get; set; }

    /// <summary>
    /// Which stored hall this server runs when several halls share one database (a city on PostgreSQL): every row
    /// belongs to a hall, and each hall has its own instances. Empty: the hall file's, or the only stored hall.
    /// </summary>
    public string? HallId { get; set; }

    /// <summary>The address citizens' phones reach this server at, for tracking links on tickets; defaults to the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>SQLite <c>synchronous</c>: <c>normal</c> survives any crash of the process; <c>full</c> also a power cut, at some speed.</summary>
    public string SqliteSynchronous { get; set; } = "normal";

    /// <summary>The base of tracking links: <see cref="PublicBaseUrl"/>, else the address the request came to.</summary>
    public string TrackingBaseUrl(HttpRequest request) =>
        PublicBaseUrl is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}";

    public DatabaseKind Kind => Database.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseKind.Postgres : DatabaseKind.Sqlite;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Database.Equals("sqlite", StringComparison.OrdinalIgnoreCase) && !Database.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Queue:Database must be 'sqlite' or 'postgres', not '{Database}'.", [nameof(Database)]);
        }
        if (Kind == DatabaseKind.Sqlite && string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return new ValidationResult("Queue:DataDirectory must name a folder for the embedded database.", [nameof(DataDirectory)]);
        }
        if (!SqliteSynchronous.Equals("normal", StringComparison.OrdinalIgnoreCase) && !SqliteSynchronous.Equals("full", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Queue:SqliteSynchronous must be 'normal' or 'full', not '{SqliteSynchronous}'.", [nameof(SqliteSynchronous)]);
        }
        if (!Role.Equals("hall", StringComparison.OrdinalIgnoreCase) && !IsCity)
        {
            yield return new ValidationResult($"Queue:Role must be 'hall' or 'city', not '{Role}'.", [nameof(Role)]);
        }
        if (IsCity && Kind != DatabaseKind.Postgres)
        {
            yield return new ValidationResult("Queue:Role=city needs Queue:Database=postgres: a city keeps the records of many halls.", [nameof(Role)]);
        }
        if (PublicBaseUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Queue:PublicBaseUrl must be an absolute URL, not '{url}'.", [nameof(PublicBaseUrl)]);
        }
    }
}

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}
