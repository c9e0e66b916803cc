using System.Data.Common;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Supervision;

namespace Hall.QueueService.Complaints;

/// <summary>投诉超期: each complaint still open past its due time alerts a supervisor once (keyed by the complaint).</summary>
public static class ComplaintOverdueCheck
{
    public static async Task<IReadOnlyList<AlertStore.NewAlert>> FindAsync(DbConnection connection, HallCatalog catalog, DateTimeOffset now)
    {
        var rows = await ComplaintsTable.OverdueAsync(connection, catalog.HallId, now.ToUnixMs());
        return rows.Select(r =>
        {
            var due = catalog.ToOffset(ComplaintsTable.At(r.DueAt));
            return new AlertStore.NewAlert(AlertKinds.ComplaintOverdue, $"complaintOverdue:{r.Id}",
                $"一条投诉（{r.Channel}）已超过答复期限 {due:yyyy-MM-dd HH:mm}，请尽快处理。",
                $"A complaint ({r.Channel}) is past its answer deadline {due:yyyy-MM-dd HH:mm}; please handle it.");
        }).ToList();
    }
}
