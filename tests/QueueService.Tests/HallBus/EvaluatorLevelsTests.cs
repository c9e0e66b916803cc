using Hall.Hardware.HallBus;
using Hall.QueueService.HallBus;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Tests.HallBus;

/// <summary>The evaluator's five keys land on the domain's 好差评 scale with the same meaning.</summary>
public sealed class EvaluatorLevelsTests
{
    [Fact]
    public void Every_protocol_level_maps_to_the_domain_level_with_its_labels_and_follow_up_rule()
    {
        foreach (var level in RatingLevels.All)
        {
            var domain = level.ToSatisfaction();
            Assert.Equal(((int)level, level.ChineseLabel(), level.EnglishLabel(), level.IsBad()),
                (domain.Value, domain.ChineseLabel, domain.EnglishLabel, domain.IsBad));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(6L)]
    [InlineData(-1L)]
    [InlineData(256L + 5)]
    public void Input_outside_one_to_five_is_no_level(long? input)
    {
        Assert.False(SatisfactionLevel.TryCreate(input, out _));
    }
}
