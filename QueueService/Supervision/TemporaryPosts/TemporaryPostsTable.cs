using System.Data.Common;
using Dapper;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Supervision.TemporaryPosts;

/// <summary>Every statement on <c>temporary_posts</c>.</summary>
public static class TemporaryPostsTable
{
    public sealed class Row
    {
        public string Id { get; set; } = "";
        public string StaffCode { get; set; } = "";
        public int WindowNumber { get; set; }
        public long GrantedAt { get; set; }
        public long UntilAt { get; set; }
        public string GrantedBy { get; set; } = "";
    }

    public static Task InsertAsync(WriteScope scope, string hallId, Row post) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO temporary_posts (id, hall_id, staff_code, window_number, granted_at, until_at, granted_by)
            VALUES (@Id, @hallId, @StaffCode, @WindowNumber, @GrantedAt, @UntilAt, @GrantedBy)
            """,
            new { post.Id, hallId, post.StaffCode, post.WindowNumber, post.GrantedAt, post.UntilAt, post.GrantedBy }, scope.Transaction);

    /// <summary>Whether the clerk holds a temporary post at the window at that instant.</summary>
    public static async Task<bool> IsActiveAsync(DbConnection connection, DbTransaction? transaction, string hallId, string staffCode, int windowNumber, long atMs) =>
        await connection.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM temporary_posts
            WHERE hall_id = @hallId AND staff_code = @staffCode AND window_number = @windowNumber AND granted_at <= @atMs AND until_at > @atMs
            """,
            new { hallId, staffCode, windowNumber, atMs }, transaction) > 0;

    public static async Task<IReadOnlyList<Row>> ActiveAsync(DbConnection connection, string hallId, long atMs) =>
        (await connection.QueryAsync<Row>(
            """
            SELECT id AS Id, staff_code AS StaffCode, window_number AS WindowNumber, granted_at AS GrantedAt, until_at AS UntilAt, granted_by AS GrantedBy
            FROM temporary_posts WHERE hall_id = @hallId AND until_at > @atMs ORDER BY granted_at
            """,
            new { hallId, atMs })).ToList();
}
