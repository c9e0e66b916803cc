using System.Net.Sockets;
using System.Text;

namespace Hall.QueueService.Hosting;

/// <summary>
/// Tells systemd when the server is ready and when it stops (<c>Type=notify</c> units), by the sd_notify datagram
/// protocol on <c>$NOTIFY_SOCKET</c>. Written here because the hosting package that does it is not available; it
/// does nothing when the variable is not set (not under systemd, or on Windows). "Ready" comes after the schema is
/// migrated and the hall loaded, so units ordered after this one find a working server.
/// </summary>
public sealed partial class SystemdNotifier(IHostApplicationLifetime lifetime, ILogger<SystemdNotifier> logger) : IHostedService
{
    public const string SocketVariable = "NOTIFY_SOCKET";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(SocketVariable) is { Length: > 0 } path)
        {
            lifetime.ApplicationStarted.Register(() => Send(path, "READY=1\nSTATUS=Serving the hall"));
            lifetime.ApplicationStopping.Register(() => Send(path, "STOPPING=1"));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Send(string path, string message)
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            // A leading '@' names a socket in Linux's abstract namespace, written with a NUL byte.
            var endPoint = new UnixDomainSocketEndPoint(path[0] == '@' ? "\0" + path[1..] : path);
            socket.SendTo(Encoding.UTF8.GetBytes(message), endPoint);
        }
        catch (SocketException e)
        {
            LogNotifyFailed(path, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell systemd ({Path}) the service state: {Error}")]
    private partial void LogNotifyFailed(string path, string error);
}
