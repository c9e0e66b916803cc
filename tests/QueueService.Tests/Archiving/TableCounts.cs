using Dapper;
using Hall.QueueService.Storage;
using Hall.QueueService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Archiving;

/// <summary>Rows of the live and archive tables, read straight from the hall's database.</summary>
public static class TableCounts
{
    /// <summary>Rows of <paramref name="table"/> whose hall day is before, on or after <paramref name="day"/>.</summary>
    public static async Task<long> CountAsync(HallServerFactory hall, string table, string condition = "1 = 1", object? args = null)
    {
        var database = hall.Services.GetRequiredService<QueueDatabase>();
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {condition}", args);
    }

    public static Task<long> BeforeAsync(HallServerFactory hall, string table, string day) =>
        CountAsync(hall, table, "hall_date < @day", new { day });

    public static Task<long> OnAsync(HallServerFactory hall, string table, string day) =>
        CountAsync(hall, table, "hall_date = @day", new { day });
}
