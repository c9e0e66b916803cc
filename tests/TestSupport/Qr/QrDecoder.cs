using System.Text;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Hall.TestSupport.Qr;

/// <summary>
/// Decodes a QR code in-process with ZXing.Net's reader, a decoder independent of the encoder that drew it
/// (and of zbarimg, which the tests run as well).
/// </summary>
public static class QrDecoder
{
    /// <summary>The text of the QR code in a binary PBM (<c>P4</c>) image, or null when none is found.</summary>
    public static string? DecodePbm(byte[] pbm)
    {
        var (width, height, bits) = ParsePbm(pbm);
        var bytesPerRow = (width + 7) / 8;
        return Decode(width, height, (x, y) => (bits.Span[y * bytesPerRow + x / 8] & (0x80 >> (x % 8))) != 0);
    }

    /// <summary>The text of the QR code in an image given pixel by pixel (<c>true</c> for dark), or null.</summary>
    /// <remarks>
    /// A printed raster is a perfect synthetic image, which ZXing's finder-pattern search sometimes misjudges for some
    /// contents. The image gets a white margin (the quiet zone a paper edge gives a phone), and then the reader's own
    /// alternatives are tried in turn: both binarizers, then the "pure barcode" mode meant for such images.
    /// </remarks>
    public static string? Decode(int width, int height, Func<int, int, bool> isDark)
    {
        const int margin = 32;
        var (w, h) = (width + 2 * margin, height + 2 * margin);
        var gray = new byte[w * h];
        Array.Fill(gray, (byte)255);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (isDark(x, y))
                {
                    gray[(y + margin) * w + x + margin] = 0;
                }
            }
        }
        var source = new RGBLuminanceSource(gray, w, h, RGBLuminanceSource.BitmapFormat.Gray8);
        var tryHarder = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        var pure = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true, [DecodeHintType.PURE_BARCODE] = true };
        var reader = new QRCodeReader();
        return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), tryHarder)?.Text
            ?? reader.decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), tryHarder)?.Text
            ?? reader.decode(new BinaryBitmap(new HybridBinarizer(source)), pure)?.Text;
    }

    private static (int Width, int Height, ReadOnlyMemory<byte> Bits) ParsePbm(byte[] pbm)
    {
        // "P4\n<width> <height>\n" then rows packed 8 pixels a byte, most significant bit first, 1 = black.
        var fields = new List<string>();
        var position = 0;
        while (fields.Count < 3)
        {
            while (char.IsWhiteSpace((char)pbm[position]))
            {
                position++;
            }
            var start = position;
            while (!char.IsWhiteSpace((char)pbm[position]))
            {
                position++;
            }
            fields.Add(Encoding.ASCII.GetString(pbm, start, position - start));
        }
        if (fields[0] != "P4")
        {
            throw new System.FormatException("Not a binary PBM image (P4).");
        }
        return (int.Parse(fields[1]), int.Parse(fields[2]), pbm.AsMemory(position + 1));
    }
}
