using System.Net.Sockets;

namespace Hall.Hardware.Printing;

/// <summary>A network printer on its raw port (JetDirect, usually 9100): the job's bytes go straight to the socket.</summary>
public sealed class TcpPrinterTransport(PrinterConnection connection, string host, int port) : StreamPrinterTransport(connection)
{
    public const int DefaultPort = 9100;

    public string Host { get; } = host;

    public int Port { get; } = port;

    public override string Description => $"tcp {Host}:{Port}";

    protected override async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(Host, Port, cancellationToken);
            return new OwningNetworkStream(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Parses <c>host:port</c>, <c>host</c> (port 9100) or <c>[v6]:port</c>.</summary>
    public static bool TryParseTarget(string target, out string host, out int port)
    {
        host = "";
        port = DefaultPort;
        if (string.IsNullOrWhiteSpace(target))
        {
            return false;
        }
        target = target.Trim();
        var bracket = target.LastIndexOf(']');
        var colon = target.LastIndexOf(':');
        if (colon > bracket && (bracket >= 0 || target.IndexOf(':') == colon))
        {
            if (!int.TryParse(target[(colon + 1)..], out port) || port is < 1 or > 65535)
            {
                return false;
            }
            target = target[..colon];
        }
        host = target.Trim('[', ']');
        return host.Length > 0;
    }

    /// <summary>A NetworkStream that also disposes its TcpClient.</summary>
    private sealed class OwningNetworkStream(TcpClient client) : NetworkStream(client.Client, ownsSocket: true)
    {
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                client.Dispose();
            }
        }
    }
}
