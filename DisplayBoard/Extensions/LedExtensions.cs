namespace Hall.DisplayBoard.Extensions;

public static class LedExtensions
{
    /// <summary>The window LED strips on the hall bus (only when <c>Led:PortName</c> is set).</summary>
    public static IHostApplicationBuilder AddLedStrips(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
