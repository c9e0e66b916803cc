namespace Hall.Hardware.EscPos;

public static partial class EscPosCommands
{
    /// <summary>
    /// <c>GS v 0 m xL xH yL yH d1…dk</c>: prints a raster bit image at normal density (m = 0).
    /// x is the width in bytes (eight dots each, most significant bit leftmost, padded with white),
    /// y the height in dots; a set bit is a black dot.
    /// </summary>
    public static byte[] RasterImage(MonochromeImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var bytesPerRow = (image.Width + 7) / 8;
        if (bytesPerRow > 0xFFFF || image.Height > 0xFFFF)
        {
            throw new ArgumentException("The image is too large for GS v 0.", nameof(image));
        }
        var command = new byte[8 + bytesPerRow * image.Height];
        command[0] = Gs;
        command[1] = 0x76;
        command[2] = 0x30;
        command[3] = 0x00;
        command[4] = (byte)(bytesPerRow & 0xFF);
        command[5] = (byte)(bytesPerRow >> 8);
        command[6] = (byte)(image.Height & 0xFF);
        command[7] = (byte)(image.Height >> 8);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (image[x, y])
                {
                    command[8 + y * bytesPerRow + x / 8] |= (byte)(0x80 >> (x % 8));
                }
            }
        }
        return command;
    }
}
