using System.Text;

namespace Hall.Hardware.EscPos;

/// <summary>The text encoding Chinese thermal printers expect (GB18030, a superset of the GBK fonts they carry).</summary>
public static class EscPosEncoding
{
    private static readonly Lazy<Encoding> Gb18030Lazy = new(() =>
    {
        // .NET Core ships only Unicode encodings by default; the code-page provider adds GB18030 on every OS.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    public static Encoding Gb18030 => Gb18030Lazy.Value;
}
