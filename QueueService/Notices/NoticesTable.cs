using System.Data.Common;
using Dapper;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Notices;

/// <summary>Every statement on <c>notices</c>, the boards' notices (公开屏) of a hall. Times are Unix milliseconds.</summary>
public static class NoticesTable
{
    private const string Columns = "id, title, body, valid_from AS ValidFrom, valid_to AS ValidTo";

    /// <summary>Every notice, in force, future or expired: the newest period first.</summary>
    public static async Task<IReadOnlyList<NoticeRow>> AllAsync(DbConnection connection, string hallId) =>
        (await connection.QueryAsync<NoticeRow>(
            $"SELECT {Columns} FROM notices WHERE hall_id = @hallId ORDER BY id DESC", new { hallId })).ToList();

    /// <summary>The notices in force at <paramref name="now"/> (from ≤ now &lt; to, either end open), oldest first: the boards' order.</summary>
    public static async Task<IReadOnlyList<NoticeRow>> InForceAsync(DbConnection connection, string hallId, DateTimeOffset now) =>
        (await connection.QueryAsync<NoticeRow>(
            $"""
            SELECT {Columns} FROM notices
            WHERE hall_id = @hallId AND (valid_from IS NULL OR valid_from <= @now) AND (valid_to IS NULL OR valid_to > @now)
            ORDER BY id
            """, new { hallId, now = now.ToUnixMs() })).ToList();

    public static async Task<NoticeRow?> FindAsync(WriteScope scope, string hallId, long id) =>
        await scope.Connection.QuerySingleOrDefaultAsync<NoticeRow>(
            $"SELECT {Columns} FROM notices WHERE hall_id = @hallId AND id = @id" + scope.Dialect.ForUpdate, new { hallId, id }, scope.Transaction);

    public static Task<long> InsertAsync(WriteScope scope, string hallId, NoticeRow notice, DateTimeOffset now) =>
        scope.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO notices (hall_id, title, body, valid_from, valid_to, created_at, updated_at)
            VALUES (@hallId, @Title, @Body, @ValidFrom, @ValidTo, @now, @now)
            RETURNING id
            """,
            new { hallId, notice.Title, notice.Body, notice.ValidFrom, notice.ValidTo, now = now.ToUnixMs() }, scope.Transaction);

    public static Task UpdateAsync(WriteScope scope, string hallId, NoticeRow notice, DateTimeOffset now) =>
        scope.Connection.ExecuteAsync(
            """
            UPDATE notices SET title = @Title, body = @Body, valid_from = @ValidFrom, valid_to = @ValidTo, updated_at = @now
            WHERE hall_id = @hallId AND id = @Id
            """,
            new { hallId, notice.Id, notice.Title, notice.Body, notice.ValidFrom, notice.ValidTo, now = now.ToUnixMs() }, scope.Transaction);

    public static Task DeleteAsync(WriteScope scope, string hallId, long id) =>
        scope.Connection.ExecuteAsync("DELETE FROM notices WHERE hall_id = @hallId AND id = @id", new { hallId, id }, scope.Transaction);
}

/// <summary>One row of <c>notices</c>.</summary>
public sealed record NoticeRow(long Id, string Title, string Body, long? ValidFrom, long? ValidTo);
