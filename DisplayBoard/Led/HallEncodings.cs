using System.Text;

namespace Hall.DisplayBoard.Led;

/// <summary>GB18030, which needs the code-pages provider on .NET.</summary>
internal static class HallEncodings
{
    public static Encoding Gb18030 { get; } = Create();

    private static Encoding Create()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
