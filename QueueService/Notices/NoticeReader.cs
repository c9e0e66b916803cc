using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Notices;

/// <summary>Reads the notices for the API, the hub and the boards, with their state by the server's clock.</summary>
public sealed class NoticeReader(QueueDatabase database, HallCatalogHolder hall, TimeProvider time)
{
    /// <summary>Every notice (in force, future, expired), newest first: the administrator's list.</summary>
    public async Task<IReadOnlyList<NoticeView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        return [.. (await NoticesTable.AllAsync(connection, catalog.HallId)).Select(n => View(catalog, n, now))];
    }

    /// <summary>The notices in force now, oldest first: what the boards rotate.</summary>
    public async Task<IReadOnlyList<NoticeView>> InForceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        return [.. (await NoticesTable.InForceAsync(connection, catalog.HallId, now)).Select(n => View(catalog, n, now))];
    }

    /// <summary>The row with its state at <paramref name="now"/>, times in the hall's offset.</summary>
    public static NoticeView View(HallCatalog catalog, NoticeRow row, DateTimeOffset now)
    {
        DateTimeOffset? from = row.ValidFrom is { } f ? catalog.ToOffset(TimeConversions.FromUnixMs(f)) : null;
        DateTimeOffset? to = row.ValidTo is { } t ? catalog.ToOffset(TimeConversions.FromUnixMs(t)) : null;
        return new NoticeView(row.Id, row.Title, row.Body, from, to, NoticeStates.Of(from, to, now));
    }

}
