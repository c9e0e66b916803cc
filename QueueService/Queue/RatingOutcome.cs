using Hall.Contracts.Api;
using Hall.QueueService.Problems;

namespace Hall.QueueService.Queue;

/// <summary>What became of a rating: the rated ticket, or the refusal (no ticket to rate, already rated …).</summary>
public sealed record RatingOutcome
{
    private RatingOutcome(TicketView? ticket, HallProblem? refusal) => (Ticket, Refusal) = (ticket, refusal);

    /// <summary>The ticket as rated; null when refused.</summary>
    public TicketView? Ticket { get; }

    /// <summary>Why the rating was not recorded; null when it was.</summary>
    public HallProblem? Refusal { get; }

    public static RatingOutcome Rated(TicketView ticket) => new(ticket, null);

    public static RatingOutcome Refused(QueueRuleException refusal) => new(null, refusal.Problem);
}
