using System.Text;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using ZXing.QrCode.Internal;

namespace Hall.Hardware.EscPos;

/// <summary>The modules of a QR code (model 2) from ZXing.Net, with the standard quiet zone of 4 modules around them.</summary>
public static class QrCodeMatrix
{
    public const int QuietZoneModules = 4;

    /// <summary>Rows of modules, <c>true</c> for dark. Text beyond ASCII is UTF-8, announced with an ECI header.</summary>
    public static BitMatrix Encode(string payload, QrErrorCorrection errorCorrection = QrErrorCorrection.M)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        var hints = new Dictionary<EncodeHintType, object>
        {
            [EncodeHintType.ERROR_CORRECTION] = ToLevel(errorCorrection),
            [EncodeHintType.MARGIN] = QuietZoneModules,
        };
        // Plain ASCII (tracking links, booking codes) needs no ECI header, which a few older scanners misread.
        if (Encoding.UTF8.GetByteCount(payload) != payload.Length)
        {
            hints[EncodeHintType.CHARACTER_SET] = "UTF-8";
        }
        // Width and height 0: one pixel per module, the smallest symbol that holds the payload.
        return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints);
    }

    public static IReadOnlyList<IReadOnlyList<bool>> Rows(BitMatrix matrix) =>
        [.. Enumerable.Range(0, matrix.Height).Select(y => (IReadOnlyList<bool>)[.. Enumerable.Range(0, matrix.Width).Select(x => matrix[x, y])])];

    private static ErrorCorrectionLevel ToLevel(QrErrorCorrection level) => level switch
    {
        QrErrorCorrection.L => ErrorCorrectionLevel.L,
        QrErrorCorrection.M => ErrorCorrectionLevel.M,
        QrErrorCorrection.Q => ErrorCorrectionLevel.Q,
        _ => ErrorCorrectionLevel.H,
    };
}
