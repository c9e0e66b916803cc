namespace Hall.DisplayBoard.Board;

/// <summary>
/// The month's published ratings (评价结果公开) as the hall server's <c>GET /api/public/evaluation</c> answers them,
/// of which the board shows each window's satisfaction in its 公开屏 rotation. No citizen's data is in it.
/// </summary>
public sealed record MonthlyEvaluation(string Month, IReadOnlyList<WindowEvaluation> Windows);

/// <summary>A window's month: ratings that count, 满意率 (null without ratings), 差评 and 差评整改率.</summary>
public sealed record WindowEvaluation(int WindowNumber, string? Name, long Ratings, double? SatisfactionRate, long BadRatings, double? RectifiedRate);

/// <summary>The last month of figures read from the hall server (by <see cref="EvaluationFetcher"/>), for the board's view.</summary>
public sealed class BoardEvaluation
{
    private volatile MonthlyEvaluation? _current;

    /// <summary>Null before the first answer.</summary>
    public MonthlyEvaluation? Current
    {
        get => _current;
        set => _current = value;
    }
}
