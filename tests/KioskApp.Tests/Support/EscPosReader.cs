using System.Text;
using Hall.Hardware.EscPos;

namespace Hall.KioskApp.Tests.Support;

/// <summary>Finds things in a printed job: byte sequences, the native QR payload, the raster image.</summary>
public static class EscPosReader
{
    public static int IndexOf(byte[] haystack, byte[] needle, int start = 0) =>
        haystack.AsSpan(start).IndexOf(needle) is var i and >= 0 ? start + i : -1;

    public static bool Contains(byte[] job, string text) => IndexOf(job, EscPosEncoding.Gb18030.GetBytes(text)) >= 0;

    /// <summary>The payload of the first <c>GS ( k</c> store command (fn 180), read with its pL pH length.</summary>
    public static string? NativeQrPayload(byte[] job) => NativeQrPayloads(job) is { Count: > 0 } payloads ? payloads[0] : null;

    /// <summary>The payloads of every <c>GS ( k</c> store command, in print order.</summary>
    public static IReadOnlyList<string> NativeQrPayloads(byte[] job)
    {
        var payloads = new List<string>();
        var start = IndexOf(job, [0x1D, 0x28, 0x6B]);
        while (start >= 0)
        {
            var length = job[start + 3] | (job[start + 4] << 8);
            if (job[start + 5] == 0x31 && job[start + 6] == 0x50 && job[start + 7] == 0x30)
            {
                payloads.Add(Encoding.UTF8.GetString(job, start + 8, length - 3));
            }
            start = IndexOf(job, [0x1D, 0x28, 0x6B], start + 3);
        }
        return payloads;
    }

    /// <summary>The first <c>GS v 0</c> image as a binary PBM (P4): same bit order (MSB left, 1 = black), so the rows copy over.</summary>
    public static byte[]? RasterAsPbm(byte[] job)
    {
        var start = IndexOf(job, [0x1D, 0x76, 0x30]);
        if (start < 0)
        {
            return null;
        }
        var bytesPerRow = job[start + 4] | (job[start + 5] << 8);
        var height = job[start + 6] | (job[start + 7] << 8);
        var header = Encoding.ASCII.GetBytes($"P4\n{bytesPerRow * 8} {height}\n");
        return [.. header, .. job.AsSpan(start + 8, bytesPerRow * height)];
    }
}
