using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Supervision.TemporaryPosts;

/// <summary>
/// 临时顶岗: when a window's A and B clerks are both away, a supervisor lets another clerk log in there for some
/// hours. The grant is an event of the audit chain; logins under it carry post <c>temporary</c> and end with it.
/// </summary>
public sealed class TemporaryPostGrants(QueueDatabase database, HallCatalogHolder hall, TimeProvider time)
{
    public const int MaxHours = 12;

    public async Task<TemporaryPostView> GrantAsync(TemporaryPostRequest request, string supervisor, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var staffCode = request.StaffCode?.Trim() ?? "";
        var clerk = catalog.FindClerk(staffCode) ?? throw QueueProblems.UnknownClerk(staffCode);
        var window = catalog.FindWindow(request.WindowNumber) ?? throw QueueProblems.UnknownWindow(request.WindowNumber);
        if (request.Hours is not (>= 1 and <= MaxHours))
        {
            throw QueueProblems.InvalidTemporaryHours(MaxHours);
        }
        var now = time.GetUtcNow();
        var post = new TemporaryPostsTable.Row
        {
            Id = Guid.CreateVersion7(now).ToString("D"),
            StaffCode = clerk.StaffCode,
            WindowNumber = window.Number,
            GrantedAt = now.ToUnixMs(),
            UntilAt = now.AddHours(request.Hours).ToUnixMs(),
            GrantedBy = supervisor,
        };
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            await TemporaryPostsTable.InsertAsync(scope, catalog.HallId, post);
            await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.TemporaryPostGranted, now, catalog.HallDate(now).ToKey(),
                new Actor("supervisor:" + supervisor, clerk.StaffCode, window.Number), detail: $"hours={request.Hours}");
            await scope.CommitAsync(cancellationToken);
        }
        return View(catalog, post);
    }

    public async Task<IReadOnlyList<TemporaryPostView>> ActiveAsync(CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await TemporaryPostsTable.ActiveAsync(connection, catalog.HallId, time.GetUtcNow().ToUnixMs())).Select(p => View(catalog, p)).ToList();
    }

    private static TemporaryPostView View(HallCatalog catalog, TemporaryPostsTable.Row post) => new(post.Id, post.StaffCode,
        catalog.FindClerk(post.StaffCode)?.Name ?? post.StaffCode, post.WindowNumber,
        catalog.ToOffset(TimeConversions.FromUnixMs(post.GrantedAt)), catalog.ToOffset(TimeConversions.FromUnixMs(post.UntilAt)), post.GrantedBy);
}

/// <summary><c>POST /api/supervision/temporary-posts</c>.</summary>
public sealed record TemporaryPostRequest(string? StaffCode, int WindowNumber, int Hours);

public sealed record TemporaryPostView(string Id, string StaffCode, string Name, int WindowNumber, DateTimeOffset From, DateTimeOffset Until, string GrantedBy);
