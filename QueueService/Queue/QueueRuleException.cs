using Hall.QueueService.Problems;

namespace Hall.QueueService.Queue;

/// <summary>
/// A request the hall's rules refuse, thrown where a rule stops a request part-way. It carries one entry of
/// <see cref="QueueProblems"/>; the API's problem handler writes it as an RFC 7807 problem.
/// </summary>
public sealed class QueueRuleException(HallProblem problem) : Exception(problem.Detail)
{
    public HallProblem Problem { get; } = problem;

    public ProblemKind Kind => Problem.Kind;

    /// <summary>A stable machine-readable reason, e.g. <c>quotaExhausted</c>, for clients that act on it.</summary>
    public string Code => Problem.Code;
}
