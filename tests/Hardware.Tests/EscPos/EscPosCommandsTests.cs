using System.Text;
using Hall.Hardware.EscPos;
using Xunit;

namespace Hall.Hardware.Tests.EscPos;

public class EscPosCommandsTests
{
    [Fact]
    public void Initialize_is_ESC_at() => Assert.Equal(new byte[] { 0x1B, 0x40 }, EscPosCommands.Initialize());

    [Theory]
    [InlineData(TextAlignment.Left, 0)]
    [InlineData(TextAlignment.Center, 1)]
    [InlineData(TextAlignment.Right, 2)]
    public void Align_is_ESC_a_n(TextAlignment alignment, byte n) =>
        Assert.Equal(new byte[] { 0x1B, 0x61, n }, EscPosCommands.Align(alignment));

    [Theory]
    [InlineData(1, 1, 0x00)]
    [InlineData(2, 2, 0x11)]
    [InlineData(3, 4, 0x23)]
    [InlineData(8, 8, 0x77)]
    public void CharacterSize_is_GS_bang_with_width_in_high_nibble(int width, int height, byte n) =>
        Assert.Equal(new byte[] { 0x1D, 0x21, n }, EscPosCommands.CharacterSize(width, height));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(9, 1)]
    [InlineData(1, 0)]
    public void CharacterSize_refuses_magnifications_outside_1_to_8(int width, int height) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EscPosCommands.CharacterSize(width, height));

    [Fact]
    public void Bold_is_ESC_E_n()
    {
        Assert.Equal(new byte[] { 0x1B, 0x45, 1 }, EscPosCommands.Bold(true));
        Assert.Equal(new byte[] { 0x1B, 0x45, 0 }, EscPosCommands.Bold(false));
    }

    [Fact]
    public void Underline_is_ESC_minus_n()
    {
        Assert.Equal(new byte[] { 0x1B, 0x2D, 0 }, EscPosCommands.Underline(UnderlineMode.Off));
        Assert.Equal(new byte[] { 0x1B, 0x2D, 1 }, EscPosCommands.Underline(UnderlineMode.Thin));
        Assert.Equal(new byte[] { 0x1B, 0x2D, 2 }, EscPosCommands.Underline(UnderlineMode.Thick));
    }

    [Fact]
    public void Chinese_mode_is_FS_ampersand_and_FS_dot()
    {
        Assert.Equal(new byte[] { 0x1C, 0x26 }, EscPosCommands.ChineseModeOn());
        Assert.Equal(new byte[] { 0x1C, 0x2E }, EscPosCommands.ChineseModeOff());
    }

    [Fact]
    public void Text_is_GB18030()
    {
        Assert.Equal(new byte[] { 0xD5, 0xFE, 0xCE, 0xF1, 0xB7, 0xFE, 0xCE, 0xF1 }, EscPosCommands.Text("政务服务"));
        Assert.Equal(new byte[] { 0x41, 0x30, 0x30, 0x31 }, EscPosCommands.Text("A001"));
        Assert.Equal(new byte[] { 0xA3, 0xA4 }, EscPosCommands.Text("￥"));
    }

    [Fact]
    public void Line_feed_and_feed_lines()
    {
        Assert.Equal(new byte[] { 0x0A }, EscPosCommands.LineFeed());
        Assert.Equal(new byte[] { 0x1B, 0x64, 3 }, EscPosCommands.FeedLines(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => EscPosCommands.FeedLines(256));
    }

    [Fact]
    public void Partial_cut_is_GS_V_66_n_or_GS_V_1()
    {
        Assert.Equal(new byte[] { 0x1D, 0x56, 0x42, 0x50 }, EscPosCommands.FeedAndPartialCut(80));
        Assert.Equal(new byte[] { 0x1D, 0x56, 0x01 }, EscPosCommands.PartialCut());
    }

    [Fact]
    public void Qr_set_up_commands()
    {
        Assert.Equal(new byte[] { 0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00 }, EscPosCommands.QrModel2());
        Assert.Equal(new byte[] { 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06 }, EscPosCommands.QrModuleSize(6));
        Assert.Equal(new byte[] { 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31 }, EscPosCommands.QrErrorCorrectionLevel(QrErrorCorrection.M));
        Assert.Equal(new byte[] { 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30 }, EscPosCommands.QrPrint());
    }

    [Fact]
    public void Qr_store_counts_the_payload_length_plus_three()
    {
        Assert.Equal(new byte[] { 0x1D, 0x28, 0x6B, 0x06, 0x00, 0x31, 0x50, 0x30, 0x41, 0x42, 0x43 }, EscPosCommands.QrStoreData("ABC"));
    }

    [Fact]
    public void Qr_store_counts_encoded_bytes_not_characters()
    {
        // "政务" is 2 characters but 6 UTF-8 bytes: pL = 6 + 3.
        var command = EscPosCommands.QrStoreData("政务");
        Assert.Equal(9, command[3]);
        Assert.Equal(0, command[4]);
        Assert.Equal(Encoding.UTF8.GetBytes("政务"), command[8..]);
    }

    [Fact]
    public void Qr_store_writes_pH_for_long_payloads()
    {
        var payload = new string('x', 300);
        var command = EscPosCommands.QrStoreData(payload);
        Assert.Equal((303 & 0xFF), command[3]);
        Assert.Equal(1, command[4]);
        Assert.Equal(308, command.Length);
    }

    [Fact]
    public void Qr_code_is_model_size_correction_store_print_in_order()
    {
        byte[] expected =
        [
            .. EscPosCommands.QrModel2(), .. EscPosCommands.QrModuleSize(4), .. EscPosCommands.QrErrorCorrectionLevel(QrErrorCorrection.Q),
            .. EscPosCommands.QrStoreData("http://x/t/1"), .. EscPosCommands.QrPrint(),
        ];
        Assert.Equal(expected, EscPosCommands.QrCode("http://x/t/1", 4, QrErrorCorrection.Q));
    }

    [Fact]
    public void Raster_image_is_GS_v_0_with_width_in_bytes_and_msb_first()
    {
        // 10 × 2 dots: row 0 has dots 0 and 9, row 1 has dot 7.
        var image = new MonochromeImage(10, 2);
        image[0, 0] = true;
        image[9, 0] = true;
        image[7, 1] = true;
        Assert.Equal(
            new byte[] { 0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, 0x80, 0x40, 0x01, 0x00 },
            EscPosCommands.RasterImage(image));
    }

    [Fact]
    public void Raster_image_from_a_matrix_scales_each_cell()
    {
        var image = MonochromeImage.FromMatrix([[true, false], [false, true]], scale: 2);
        Assert.Equal(4, image.Width);
        Assert.Equal(4, image.Height);
        Assert.Equal(
            new byte[] { 0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x04, 0x00, 0xC0, 0xC0, 0x30, 0x30 },
            EscPosCommands.RasterImage(image));
    }

    [Theory]
    [InlineData(StatusRequest.Printer, 1)]
    [InlineData(StatusRequest.OfflineCause, 2)]
    [InlineData(StatusRequest.Error, 3)]
    [InlineData(StatusRequest.PaperRollSensor, 4)]
    public void Status_request_is_DLE_EOT_n(StatusRequest request, byte n) =>
        Assert.Equal(new byte[] { 0x10, 0x04, n }, EscPosCommands.RealTimeStatusRequest(request));

    [Fact]
    public void Builder_concatenates_commands()
    {
        var bytes = new EscPosBuilder()
            .Initialize()
            .ChineseModeOn()
            .Align(TextAlignment.Center)
            .Line("政务服务")
            .ChineseModeOff()
            .FeedAndPartialCut(0)
            .ToArray();
        Assert.Equal(
            new byte[] { 0x1B, 0x40, 0x1C, 0x26, 0x1B, 0x61, 0x01, 0xD5, 0xFE, 0xCE, 0xF1, 0xB7, 0xFE, 0xCE, 0xF1, 0x0A, 0x1C, 0x2E, 0x1D, 0x56, 0x42, 0x00 },
            bytes);
    }
}
