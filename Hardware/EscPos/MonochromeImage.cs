namespace Hall.Hardware.EscPos;

/// <summary>A black-and-white bitmap in printer dots: <c>true</c> is a black dot. Row-major, top row first.</summary>
public sealed class MonochromeImage
{
    private readonly bool[] _dots;

    public MonochromeImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        _dots = new bool[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public bool this[int x, int y]
    {
        get => _dots[Index(x, y)];
        set => _dots[Index(x, y)] = value;
    }

    /// <summary>An image from rows of equal length (for example a QR module matrix), each cell drawn as scale × scale dots.</summary>
    public static MonochromeImage FromMatrix(IReadOnlyList<IReadOnlyList<bool>> rows, int scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        if (rows.Count == 0 || rows[0].Count == 0)
        {
            throw new ArgumentException("The matrix is empty.", nameof(rows));
        }
        var image = new MonochromeImage(rows[0].Count * scale, rows.Count * scale);
        for (var row = 0; row < rows.Count; row++)
        {
            if (rows[row].Count != rows[0].Count)
            {
                throw new ArgumentException("Every row of the matrix must have the same length.", nameof(rows));
            }
            for (var column = 0; column < rows[row].Count; column++)
            {
                if (!rows[row][column])
                {
                    continue;
                }
                for (var dy = 0; dy < scale; dy++)
                {
                    for (var dx = 0; dx < scale; dx++)
                    {
                        image[column * scale + dx, row * scale + dy] = true;
                    }
                }
            }
        }
        return image;
    }

    private int Index(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return y * Width + x;
    }
}
