using System.Globalization;
using System.Text;

namespace Hall.Hardware.EscPos;

/// <summary>The same QR code as <see cref="QrCodeImage"/>, as SVG for a screen: one path of unit squares, scaled by the viewBox.</summary>
public static class QrCodeSvg
{
    public static string Render(string payload, int pixelsPerModule = 8, QrErrorCorrection errorCorrection = QrErrorCorrection.M)
    {
        var matrix = QrCodeMatrix.Encode(payload, errorCorrection);
        var path = new StringBuilder();
        for (var y = 0; y < matrix.Height; y++)
        {
            for (var x = 0; x < matrix.Width; x++)
            {
                if (matrix[x, y])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x},{y}h1v1h-1z");
                }
            }
        }
        var (w, h) = (matrix.Width, matrix.Height);
        return $"""<svg xmlns="http://www.w3.org/2000/svg" width="{w * pixelsPerModule}" height="{h * pixelsPerModule}" viewBox="0 0 {w} {h}" shape-rendering="crispEdges"><rect width="{w}" height="{h}" fill="#ffffff"/><path fill="#000000" d="{path}"/></svg>""";
    }
}
