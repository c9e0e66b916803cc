using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Hall.QueueService.Queue.Tables;

namespace Hall.QueueService.Api;

/// <summary>
/// 实名 cap on numbers from the phone: one ID number (its keyed hash) takes at most the hall file's
/// <c>appointments.limits.remoteTicketsPerDay</c> remote tickets a hall day, across services (409 <c>remoteTicketLimitReached</c>).
/// </summary>
public static class RemoteTicketCap
{
    public static async Task EnsureAllowedAsync(string? idNumber, string source, IServiceProvider services, CancellationToken cancellationToken)
    {
        var (idHash, _) = services.GetRequiredService<HallSecrets>().ProtectIdNumber(idNumber);
        if (idHash is null)
        {
            return;
        }
        var catalog = services.GetRequiredService<HallCatalogHolder>().Current;
        var hallDate = catalog.HallDate(services.GetRequiredService<TimeProvider>().GetUtcNow()).ToKey();
        await using var connection = await services.GetRequiredService<QueueDatabase>().OpenAsync(cancellationToken);
        var taken = await TicketsTable.CountOfPersonAsync(connection, catalog.HallId, hallDate, idHash, source);
        var limit = catalog.Definition.Appointments.Limits.RemoteTicketsPerDay;
        if (taken >= limit)
        {
            throw QueueProblems.RemoteTicketLimitReached(limit);
        }
    }
}
