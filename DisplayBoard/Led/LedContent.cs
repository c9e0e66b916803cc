namespace Hall.DisplayBoard.Led;

/// <summary>The two lines of a window LED strip.</summary>
public sealed record LedContent(string Line0, string Line1)
{
    public static readonly LedContent Blank = new("", "");
}
