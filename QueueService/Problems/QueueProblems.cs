using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>
/// Every refusal of the hall, one factory each, grouped by area in the partial files beside this one. Each entry has
/// one stable code, one Chinese and one English sentence and one kind; callers pass plain values (names, numbers), so
/// the wording lives here and nowhere else. Throw the result where a rule stops a request, or return its
/// <see cref="QueueRuleException.Problem"/> where a refusal is an everyday outcome.
/// </summary>
public static partial class QueueProblems
{
    private static QueueRuleException Refuse(ProblemKind kind, string code, string chinese, string english,
        IReadOnlyDictionary<string, object?>? extensions = null, string? title = null)
    {
        var problem = new HallProblem(kind, code, chinese, english);
        if (extensions is not null)
        {
            problem = problem with { Extensions = extensions };
        }
        if (title is not null)
        {
            problem = problem with { Title = title };
        }
        return problem.Refuse();
    }

    private static QueueRuleException Invalid(string code, string chinese, string english) => Refuse(ProblemKind.Invalid, code, chinese, english);

    private static QueueRuleException Unauthenticated(string code, string chinese, string english) => Refuse(ProblemKind.Unauthenticated, code, chinese, english);

    private static QueueRuleException Forbidden(string code, string chinese, string english) => Refuse(ProblemKind.Forbidden, code, chinese, english);

    private static QueueRuleException NotFound(string code, string chinese, string english) => Refuse(ProblemKind.NotFound, code, chinese, english);

    private static QueueRuleException Conflict(string code, string chinese, string english, IReadOnlyDictionary<string, object?>? extensions = null) =>
        Refuse(ProblemKind.Conflict, code, chinese, english, extensions);
}
