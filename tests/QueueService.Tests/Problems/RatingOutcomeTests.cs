using Hall.QueueService.Problems;
using Hall.QueueService.Queue;
using Hall.QueueService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Problems;

/// <summary>A refused rating (a second press, or nothing finished) is an outcome the caller reads, not an exception.</summary>
public sealed class RatingOutcomeTests : IDisposable
{
    private readonly HallServerFactory _hall = new();

    [Fact]
    public async Task A_second_press_is_refused_as_a_value_with_the_catalogue_code()
    {
        var ratings = _hall.Services.GetRequiredService<RatingRecorder>();
        await _hall.IssueAsync(1);
        var clerk = await _hall.LoginAsync(1, "1001");
        await clerk.ActAsync(1, "call-next");
        await clerk.ActAsync(1, "start");
        await clerk.ActAsync(1, "finish");

        var first = await ratings.RateAtWindowAsync(1, 5, null, "evaluator", new Actor("bus:101"));
        var second = await ratings.RateAtWindowAsync(1, 1, null, "evaluator", new Actor("bus:101"));
        var elsewhere = await ratings.RateAtWindowAsync(2, 5, null, "evaluator", new Actor("bus:102"));

        Assert.Null(first.Refusal);
        Assert.Equal(5, first.Ticket!.Rating!.Level);
        Assert.Null(second.Ticket);
        Assert.Equal(QueueProblems.AlreadyRated(first.Ticket.Number).Problem, second.Refusal);
        Assert.Equal("nothingToRate", elsewhere.Refusal?.Code);
        Assert.Equal(ProblemKind.Conflict, elsewhere.Refusal?.Kind);
    }

    public void Dispose() => _hall.Dispose();
}
