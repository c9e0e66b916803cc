using Hall.DisplayBoard.Led;
using Hall.DisplayBoard.Tests.Support;
using Hall.Hardware.HallBus;
using Microsoft.Extensions.Options;
using Xunit;

namespace Hall.DisplayBoard.Tests.Led;

/// <summary>What goes on the wire to a window strip, byte for byte (Hardware/HallBus/PROTOCOL.md).</summary>
public sealed class LedFrameTests
{
    private static LedTextComposer Composer(LedLayout layout) => new(Options.Create(new LedOptions { Layout = layout }));

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    [Fact]
    public void A_call_on_a_one_line_strip_is_the_protocol_example()
    {
        var content = Composer(LedLayout.OneLine).Call("A001", 1);

        var frame = HallBusFrameEncoder.Encode(HallBusFrames.Show(201, 0, content.Line0));

        Assert.Equal("A001 请到1号窗口", content.Line0);
        Assert.Equal(Hex("68 13 13 68 C9 20 00 41 30 30 31 20 C7 EB B5 BD 31 BA C5 B4 B0 BF DA AC 16"), frame);
    }

    [Fact]
    public void A_call_on_a_two_line_strip_puts_the_number_on_line_0_and_the_window_on_line_1()
    {
        var content = Composer(LedLayout.TwoLines).Call("A001", 1);

        Assert.Equal(Hex("68 07 07 68 C9 20 00 41 30 30 31 BB 16"), HallBusFrameEncoder.Encode(HallBusFrames.Show(201, 0, content.Line0)));
        Assert.Equal(Hex("68 0E 0E 68 C9 20 01 C7 EB B5 BD 31 BA C5 B4 B0 BF DA BB 16"), HallBusFrameEncoder.Encode(HallBusFrames.Show(201, 1, content.Line1)));
    }

    [Fact]
    public void Idle_windows_show_the_window_sign_paused_and_closed_their_texts()
    {
        var composer = Composer(LedLayout.TwoLines);
        var windows = DemoHall.Snapshot().Windows;

        Assert.Equal(new LedContent("1号窗口", "市政务服务中心 张晓明 工号1001"), composer.ForWindow(windows[0]));
        Assert.Equal(new LedContent("3号窗口", "请到3号窗口"), composer.ForWindow(windows[2]) with { Line0 = "3号窗口" });
        Assert.Equal("B003", composer.ForWindow(windows[2]).Line0);
        Assert.Equal(new LedContent("5号窗口", "暂停服务"), composer.ForWindow(windows[4]));
        Assert.Equal(new LedContent("6号窗口", "暂停办理"), composer.ForWindow(windows[5]));
    }

    [Fact]
    public void The_window_sign_shows_the_clerks_title_where_it_fits_and_keeps_the_staff_number_when_it_does_not()
    {
        var clerk = new Hall.Contracts.Api.ClerkBadge("1001", "王丽", "县行政审批局", "A", "窗口负责人");
        Assert.Equal("县行政审批局 王丽 窗口负责人 工号1001", LedTextComposer.Badge(clerk));

        var longUnit = clerk with { Unit = "某某市某某区行政审批服务局综合受理科第一组" };
        var badge = LedTextComposer.Badge(longUnit);
        Assert.Equal("某某市某某区行政审批服务局综合受理科第一组 王丽 工号1001", badge);
        Assert.True(HallBusText.Gb18030.GetByteCount(badge) <= LedTextComposer.MaxLineBytes);
        Assert.Equal("县行政审批局 王丽 工号1001", LedTextComposer.Badge(clerk with { Title = null }));
    }

    [Fact]
    public void Long_text_is_cut_to_64_bytes_on_a_character_boundary()
    {
        var line = LedTextComposer.FitLine(new string('政', 40) + "A");

        Assert.Equal(new string('政', 32), line);
        Assert.Equal(64, HallBusText.Gb18030.GetByteCount(line));
        Assert.Equal("政政A", LedTextComposer.FitLine("政政A"));
    }
}
