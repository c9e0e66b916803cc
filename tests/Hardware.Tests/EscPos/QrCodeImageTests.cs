using Hall.Hardware.EscPos;
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
        // QRCoder keeps a quiet zone of 4 modules; the top-left finder pattern starts right after it.
        Assert.False(image[0, 0]);
        Assert.True(image[4 * 3, 4 * 3]);
        Assert.True(image[4 * 3 + 2, 4 * 3 + 2]);
        // The finder's white ring, one module in.
        Assert.False(image[5 * 3, 5 * 3]);
    }
}
