using System.Data.Common;
using Npgsql;

namespace Hall.QueueService.Storage;

/// <summary>
/// "Column is one of a list" in each database's words. Dapper expands <c>IN @list</c> into one parameter per item on
/// SQLite, but passes the whole array as one parameter to PostgreSQL (which supports arrays), where it must be
/// <c>= ANY(@list)</c>.
/// </summary>
public static class SqlLists
{
    /// <summary>The condition after the column: <c>IN @list</c> or <c>= ANY(@list)</c>.</summary>
    public static string In(DbConnection connection, string parameter) =>
        connection is NpgsqlConnection ? $"= ANY({parameter})" : $"IN {parameter}";
}
