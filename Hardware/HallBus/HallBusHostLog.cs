using Microsoft.Extensions.Logging;

namespace Hall.Hardware.HallBus;

internal static partial class HallBusHostLog
{
    [LoggerMessage(1, LogLevel.Information, "{Bus}: port open, listening")]
    public static partial void PortOpened(ILogger logger, string bus);

    [LoggerMessage(2, LogLevel.Warning, "{Bus}: cannot open the port; retrying in {Delay}")]
    public static partial void OpenFailed(ILogger logger, string bus, TimeSpan delay, Exception error);

    [LoggerMessage(3, LogLevel.Error, "{Bus}: port lost")]
    public static partial void PortLost(ILogger logger, string bus, Exception error);

    [LoggerMessage(4, LogLevel.Information, "{Bus}: reopening the port in {Delay}")]
    public static partial void Reopening(ILogger logger, string bus, TimeSpan delay);

    [LoggerMessage(10, LogLevel.Debug, "{Bus}: received {Frame}")]
    public static partial void Received(ILogger logger, string bus, HallBusFrame frame);

    [LoggerMessage(11, LogLevel.Debug, "{Bus}: repeat of {Frame} acknowledged, not acted on")]
    public static partial void Duplicate(ILogger logger, string bus, HallBusFrame frame);

    [LoggerMessage(12, LogLevel.Warning, "{Bus}: ignored {Frame}: {Reason}")]
    public static partial void Ignored(ILogger logger, string bus, HallBusFrame frame, string reason);

    [LoggerMessage(13, LogLevel.Debug, "{Bus}: discarded {Count} bytes of noise or broken frames so far")]
    public static partial void Discarded(ILogger logger, string bus, long count);

    [LoggerMessage(20, LogLevel.Debug, "{Bus}: no reply from {Address} to {Function}, try {Attempt}")]
    public static partial void Retrying(ILogger logger, string bus, int address, HallBusFunction function, int attempt);

    [LoggerMessage(21, LogLevel.Warning, "{Bus}: device {Address} did not answer {Function} after {Tries} tries")]
    public static partial void NoReply(ILogger logger, string bus, int address, HallBusFunction function, int tries);

    [LoggerMessage(22, LogLevel.Warning, "{Bus}: write failed")]
    public static partial void WriteFailed(ILogger logger, string bus, Exception error);

    [LoggerMessage(30, LogLevel.Information, "{Bus}: device {Address} is {Link}{FaultText}")]
    public static partial void DeviceChanged(ILogger logger, string bus, int address, DeviceLink link, string faultText);

    [LoggerMessage(40, LogLevel.Error, "{Bus}: an event handler for {Event} failed")]
    public static partial void HandlerFailed(ILogger logger, string bus, string @event, Exception error);

    [LoggerMessage(41, LogLevel.Error, "{Bus}: handling {Frame} failed")]
    public static partial void HandlingFailed(ILogger logger, string bus, HallBusFrame frame, Exception error);
}
