using Hall.Hardware.EscPos;
using Hall.TestSupport.Qr;
using Xunit;

namespace Hall.Hardware.Tests.EscPos;

public class QrCodeImageTests
{
    [Fact]
    public void Renders_a_square_with_finder_patterns_inside_the_quiet_zone()
    {
        var image = QrCodeImage.Render("http://hall.example/t/1", dotsPerModule: 3);
        Assert.Equal(image.Width, image.Height);
        Assert.Equal(0, image.Width % 3);
        // The matrix keeps a quiet zone of 4 modules; the top-left finder pattern starts right after it.
        Assert.False(image[0, 0]);
        Assert.True(image[4 * 3, 4 * 3]);
        Assert.True(image[4 * 3 + 2, 4 * 3 + 2]);
        // The finder's white ring, one module in.
        Assert.False(image[5 * 3, 5 * 3]);
    }

    [Theory]
    [InlineData("http://hall.example/t/1?k=0123456789abcdef")]
    [InlineData("政务服务 A001")]
    public void Zxing_reads_the_rendered_image_back_as_the_payload(string payload)
    {
        var image = QrCodeImage.Render(payload, dotsPerModule: 2);
        Assert.Equal(payload, QrDecoder.Decode(image.Width, image.Height, (x, y) => image[x, y]));
    }

    /// <summary>
    /// About one tracking URL in 400 drew a code that ZXing's first try could not find (zbarimg read them all); the
    /// decoder's fallbacks read every one, at the kiosk's 6 dots per module and at 2.
    /// </summary>
    [Theory]
    [InlineData(6)]
    [InlineData(2)]
    public void Every_tracking_url_of_a_busy_day_reads_back(int dotsPerModule)
    {
        var unread = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var url = $"http://127.0.0.1:{30000 + i * 7}/t/{Guid.CreateVersion7()}";
            var image = QrCodeImage.Render(url, dotsPerModule);
            if (QrDecoder.Decode(image.Width, image.Height, (x, y) => image[x, y]) != url)
            {
                unread.Add(url);
            }
        }
        Assert.Empty(unread);
    }
}
