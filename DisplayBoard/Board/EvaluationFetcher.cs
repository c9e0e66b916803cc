using System.Net.Http.Json;
using System.Threading.Channels;
using Hall.DisplayBoard.HallConnection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.Board;

/// <summary>
/// Reads the hall's current month of published ratings (<c>GET /api/public/evaluation</c>, anonymous, with this
/// display computer's device key like its other requests) at start, every <see cref="BoardOptions.EvaluationRefreshMinutes"/>
/// and whenever the hub connection comes back, and pushes a fresh view to the board pages when the figures changed.
/// A failed read keeps the last figures: the slide shows what was last known rather than disappearing.
/// </summary>
public sealed partial class EvaluationFetcher(IHttpClientFactory httpClients, IOptions<BoardOptions> options, TimeProvider time,
    BoardEvaluation figures, BoardViewBuilder views, IHubContext<BoardHub, IBoardClient> hub, ILogger<EvaluationFetcher> logger) : BackgroundService, IHallObserver
{
    public const string HttpClientName = "hall-server-evaluation";

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    public ValueTask OnConnectionChangedAsync(bool connected, CancellationToken cancellationToken)
    {
        if (connected)
        {
            _wake.Writer.TryWrite(true);
        }
        return ValueTask.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.EvaluationRefreshMinutes), time);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            await ReadAsync(stoppingToken);
            var woken = _wake.Reader.WaitToReadAsync(stoppingToken).AsTask();
            if (await Task.WhenAny(tick, woken) == tick)
            {
                if (!await tick)
                {
                    return;
                }
                tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            }
            else
            {
                await woken;
                _wake.Reader.TryRead(out _);
            }
        }
    }

    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            var read = await http.GetFromJsonAsync<MonthlyEvaluation>("api/public/evaluation", stoppingToken);
            if (read is null || (figures.Current is { } last && last.Month == read.Month && last.Windows.SequenceEqual(read.Windows)))
            {
                return;
            }
            figures.Current = read;
            await hub.Clients.All.BoardChanged(views.Build());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !stoppingToken.IsCancellationRequested)
        {
            LogReadFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the month's published ratings from the hall server: {Reason}")]
    private partial void LogReadFailed(string reason);
}
