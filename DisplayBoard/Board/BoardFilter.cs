using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.Board;

/// <summary>The board's choice of windows and services (<see cref="BoardOptions.Windows"/>, <see cref="BoardOptions.Services"/>).</summary>
public sealed class BoardFilter(IOptions<BoardOptions> options)
{
    private readonly HashSet<int> _windows = [.. options.Value.Windows];
    private readonly HashSet<int> _services = [.. options.Value.Services];

    public bool ShowsWindow(int number) => _windows.Count == 0 || _windows.Contains(number);

    public bool ShowsService(int serviceId) => _services.Count == 0 || _services.Contains(serviceId);
}
