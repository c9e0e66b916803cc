using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Queue.Outcomes;

/// <summary>
/// What a finish must say about the visit: nothing (即办件) unless the hall requires an outcome; a 承诺件 its working
/// days (by default the guide's promised days) and so its due date on the hall calendar; a 补正 the missing
/// materials; a 不予受理 its reason.
/// </summary>
public static class OutcomeRules
{
    public const int MaxCaseNumber = 64;
    public const int MaxText = 500;
    public const int MaxMaterials = 50;

    public sealed record Decided(OutcomeKind Kind, string? CaseNumber, int? PromisedDays, DateOnly? DueDate, IReadOnlyList<string> MissingMaterials, string? Reason);

    public static Decided Decide(FinishRequest? request, HallCatalog catalog, int serviceId, DateOnly hallDate)
    {
        if (request?.Outcome is not { } kind)
        {
            if (catalog.Definition.RequireOutcome)
            {
                throw QueueProblems.OutcomeRequired();
            }
            kind = OutcomeKind.Completed;
        }
        var caseNumber = string.IsNullOrWhiteSpace(request?.CaseNumber) ? null : request.CaseNumber.Trim();
        if (caseNumber is { Length: > MaxCaseNumber })
        {
            throw QueueProblems.FieldTooLong("caseNumber", MaxCaseNumber);
        }
        switch (kind)
        {
            case OutcomeKind.Accepted:
                var days = request?.PromisedWorkingDays ?? catalog.FindService(serviceId)?.Guide?.PromisedDays;
                if (days is not (>= 1 and <= ServiceGuideRules.MaxDays))
                {
                    throw QueueProblems.PromisedDaysRequired(catalog.ServiceName(serviceId));
                }
                return new(kind, caseNumber, days, catalog.Calendar.AddWorkingDays(hallDate, days.Value), [], null);
            case OutcomeKind.Supplement:
                var missing = (request?.MissingMaterials ?? []).Select(m => m?.Trim() ?? "").ToList();
                if (missing.Count == 0 || missing.Count > MaxMaterials || missing.Any(m => m.Length is 0 or > ServiceGuideRules.MaxShort))
                {
                    throw QueueProblems.MissingMaterialsRequired();
                }
                return new(kind, caseNumber, null, null, missing, null);
            case OutcomeKind.Refused:
                var reason = request?.Reason?.Trim();
                if (string.IsNullOrEmpty(reason) || reason.Length > MaxText)
                {
                    throw QueueProblems.RefusalReasonRequired();
                }
                return new(kind, caseNumber, null, null, [], reason);
            default:
                return new(kind, caseNumber, null, null, [], null);
        }
    }
}
