using Hall.Hardware.Voice;
using Xunit;

namespace Hall.Hardware.Tests.Voice;

public sealed class SpeechTextTests
{
    [Theory]
    [InlineData("请A001号到1号窗口办理", "请 A 零 零 一 号到1号窗口办理")]
    [InlineData("请B120号到12号窗口办理", "请 B 一 二 零 号到12号窗口办理")]
    [InlineData("请c7号到3号窗口", "请 C 七 号到3号窗口")]
    [InlineData("请007号到2号窗口办理", "请 零 零 七 号到2号窗口办理")]
    [InlineData("请到10号窗口办理", "请到10号窗口办理")]
    public void Ticket_numbers_are_read_letter_by_letter_and_digit_by_digit(string text, string prepared) =>
        Assert.Equal(prepared, SpeechText.Prepare(text));

    [Fact]
    public void Spell_reads_each_character() => Assert.Equal("A B 零 九", SpeechText.Spell("ab09"));
}
