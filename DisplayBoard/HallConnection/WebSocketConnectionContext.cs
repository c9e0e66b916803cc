using System.Buffers;
using System.IO.Pipelines;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Hall.DisplayBoard.HallConnection;

/// <summary>
/// One WebSocket to a SignalR hub, shaped as the <see cref="ConnectionContext"/> that <c>HubConnection</c> reads and
/// writes: two pipes, pumped to and from WebSocket text messages (the JSON hub protocol is text).
/// </summary>
public sealed class WebSocketConnectionContext : ConnectionContext
{
    private readonly ClientWebSocket _socket;
    private readonly DuplexPipe _application;
    private readonly CancellationTokenSource _aborted = new();
    private readonly Task _receiving;
    private readonly Task _sending;

    private WebSocketConnectionContext(ClientWebSocket socket)
    {
        _socket = socket;
        var input = new Pipe();
        var output = new Pipe();
        // HubConnection reads Transport.Input and writes Transport.Output; the pumps use the other ends.
        Transport = new DuplexPipe(input.Reader, output.Writer);
        _application = new DuplexPipe(output.Reader, input.Writer);
        _receiving = ReceiveAsync();
        _sending = SendAsync();
    }

    public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");

    public override IFeatureCollection Features { get; } = new FeatureCollection();

    public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

    public override IDuplexPipe Transport { get; set; }

    /// <summary>Opens the WebSocket at the hub path itself (ws:// or wss://); the server accepts it without a negotiate request.</summary>
    public static async Task<WebSocketConnectionContext> ConnectAsync(Uri hubUrl, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        foreach (var (name, value) in headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }
        try
        {
            await socket.ConnectAsync(ToWebSocketUri(hubUrl), cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new WebSocketConnectionContext(socket);
    }

    public static Uri ToWebSocketUri(Uri url)
    {
        var builder = new UriBuilder(url);
        builder.Scheme = url.Scheme switch
        {
            "http" or "ws" => "ws",
            "https" or "wss" => "wss",
            _ => throw new ArgumentException($"The hub address {url} must start with http://, https://, ws:// or wss://.", nameof(url)),
        };
        return builder.Uri;
    }

    public override void Abort(ConnectionAbortedException abortReason)
    {
        _aborted.Cancel();
        _socket.Abort();
    }

    public override async ValueTask DisposeAsync()
    {
        // A polite close first, so the server sees a clean disconnect; then make sure both pumps end.
        _application.Output.CancelPendingFlush();
        _application.Input.CancelPendingRead();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
        await _aborted.CancelAsync();
        _socket.Abort();
        await Task.WhenAll(_receiving, _sending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _aborted.Dispose();
        await base.DisposeAsync();
    }

    private async Task ReceiveAsync()
    {
        Exception? error = null;
        try
        {
            while (!_aborted.IsCancellationRequested)
            {
                var memory = _application.Output.GetMemory(4096);
                var result = await _socket.ReceiveAsync(memory, _aborted.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                _application.Output.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    var flush = await _application.Output.FlushAsync(_aborted.Token);
                    if (flush.IsCompleted || flush.IsCanceled)
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // Network loss or a killed server: HubConnection sees the error as the connection's end.
            error = ex;
        }
        finally
        {
            await _application.Output.CompleteAsync(error);
            // Nothing more can be sent once the server is gone; end the send pump too.
            _application.Input.CancelPendingRead();
        }
    }

    private async Task SendAsync()
    {
        try
        {
            while (true)
            {
                var result = await _application.Input.ReadAsync(_aborted.Token);
                var buffer = result.Buffer;
                try
                {
                    if (result.IsCanceled || (result.IsCompleted && buffer.IsEmpty))
                    {
                        break;
                    }
                    foreach (var segment in buffer)
                    {
                        await _socket.SendAsync(segment, WebSocketMessageType.Text, endOfMessage: false, _aborted.Token);
                    }
                    await _socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, _aborted.Token);
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }
                finally
                {
                    _application.Input.AdvanceTo(buffer.End);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            await _application.Input.CompleteAsync();
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}
