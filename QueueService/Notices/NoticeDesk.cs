using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Notices;

/// <summary>
/// Adds, changes and deletes the boards' notices: checks the request, writes the row and an event row naming the
/// administrator in one transaction (so the change is in the audit chain), then tells the boards.
/// </summary>
public sealed partial class NoticeDesk(
    QueueDatabase database,
    HallCatalogHolder hall,
    HallEventPublisher publisher,
    TimeProvider time,
    ILogger<NoticeDesk> logger)
{
    public const string ChangedEventKind = "noticeChanged";
    public const int MaxTitle = 60;
    public const int MaxBody = 2000;

    public async Task<NoticeView> AddAsync(NoticeRequest request, string administrator, CancellationToken cancellationToken)
    {
        var row = Checked(0, request);
        return await WriteAsync(async (scope, hallId, now) =>
        {
            var id = await NoticesTable.InsertAsync(scope, hallId, row, now);
            return (row with { Id = id }, $"notice {id} added: {row.Title}");
        }, administrator, cancellationToken);
    }

    public async Task<NoticeView> ReplaceAsync(long id, NoticeRequest request, string administrator, CancellationToken cancellationToken)
    {
        var row = Checked(id, request);
        return await WriteAsync(async (scope, hallId, now) =>
        {
            _ = await NoticesTable.FindAsync(scope, hallId, id) ?? throw QueueProblems.UnknownNotice(id);
            await NoticesTable.UpdateAsync(scope, hallId, row, now);
            return (row, $"notice {id} changed: {row.Title}");
        }, administrator, cancellationToken);
    }

    public async Task DeleteAsync(long id, string administrator, CancellationToken cancellationToken) =>
        await WriteAsync(async (scope, hallId, _) =>
        {
            var row = await NoticesTable.FindAsync(scope, hallId, id) ?? throw QueueProblems.UnknownNotice(id);
            await NoticesTable.DeleteAsync(scope, hallId, id);
            return (row, $"notice {id} deleted: {row.Title}");
        }, administrator, cancellationToken);

    /// <summary>The request as a row, or a 400 naming what is wrong; nothing is stored before this passes.</summary>
    private static NoticeRow Checked(long id, NoticeRequest request)
    {
        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            throw QueueProblems.NoticeTitleRequired();
        }
        FieldLimits.Check(title, "title", MaxTitle);
        var body = request.Body?.Trim() ?? "";
        FieldLimits.Check(body, "body", MaxBody);
        if (request is { From: { } from, To: { } to } && to <= from)
        {
            throw QueueProblems.NoticePeriodInvalid();
        }
        return new NoticeRow(id, title, body, request.From?.ToUnixMs(), request.To?.ToUnixMs());
    }

    private async Task<NoticeView> WriteAsync(Func<WriteScope, string, DateTimeOffset, Task<(NoticeRow Row, string Summary)>> change,
        string administrator, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        NoticeRow row;
        string summary;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            (row, summary) = await change(scope, catalog.HallId, now);
            await EventLog.AppendAsync(scope, catalog.HallId, ChangedEventKind, now, catalog.HallDate(now).ToKey(),
                new Actor("admin:" + administrator), detail: summary);
            await scope.CommitAsync(cancellationToken);
        }
        LogChanged(administrator, row.Id);
        await publisher.PublishAsync([new NoticesChangedEvent(now)], cancellationToken);
        return NoticeReader.View(catalog, row, now);
    }

    // The title stays out of the log: it is the administrator's text, kept in the event record instead.
    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Administrator} changed notice {NoticeId}")]
    private partial void LogChanged(string administrator, long noticeId);
}
