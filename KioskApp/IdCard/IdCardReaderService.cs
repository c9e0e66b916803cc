using Hall.Contracts.Api;
using Hall.Hardware.IdCard;
using Hall.Hardware.Serial;
using Hall.KioskApp.Options;
using Hall.KioskApp.Printing;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.IdCard;

/// <summary>
/// The reader loop: opens the reader's serial port, asks it every <c>IdCard:PollMilliseconds</c> whether a card lies
/// on it (find), and reads a card that arrived (select, read), again every <c>IdCard:RereadSeconds</c> while it stays.
/// What it learns goes to <see cref="IdCardPresence"/>; the reader's own state (online, offline, fault) to supervision.
/// A lost or missing port is opened again with back-off. Nothing the reader sends can stop the loop.
/// </summary>
public sealed partial class IdCardReaderService(
    IOptions<IdCardOptions> options,
    IdCardPresence presence,
    DeviceStatusReporter reporter,
    TimeProvider time,
    ILogger<IdCardReaderService> logger) : BackgroundService
{
    private static readonly TimeSpan[] ReopenDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    /// <summary>Answers missing in a row before the reader counts as offline; bad answers before it counts as faulty.</summary>
    private const int SilentForOffline = 2;
    private const int GarbledForFault = 3;

    private readonly SemaphoreSlim _poll = new(1, 1);
    private IdCardTerminal? _terminal;
    private int _silent;
    private int _garbled;

    /// <summary>
    /// The card on the reader now, for a take: asks the reader again (one find, and a read if the card changed), so a
    /// card taken away a moment ago is not used. Null without a card, or without a working reader.
    /// </summary>
    public async Task<PresentCard?> CurrentCardAsync(CancellationToken cancellationToken)
    {
        if (_terminal is null)
        {
            return null;
        }
        try
        {
            await PollAsync(cancellationToken);
        }
        catch (IOException)
        {
            presence.Left(); // the loop notices too and reopens the port
        }
        return presence.Card;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return;
        }
        var attempt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var port = SerialPorts.Open(new SerialPortOptions { PortName = settings.PortName!, BaudRate = settings.BaudRate });
                await using var terminal = new IdCardTerminal(port.Stream, time, TimeSpan.FromMilliseconds(settings.AnswerTimeoutMilliseconds));
                LogOpened(port.PortName, port.BaudRate);
                _silent = _garbled = 0;
                _terminal = terminal;
                try
                {
                    attempt = 0;
                    using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(settings.PollMilliseconds), time);
                    do
                    {
                        await PollAsync(stoppingToken);
                    }
                    while (await timer.WaitForNextTickAsync(stoppingToken));
                }
                finally
                {
                    _terminal = null;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // SerialPortException is an IOException: the port cannot be opened, or was lost.
                presence.Left();
                SetStatus(DeviceStatus.Offline, $"身份证阅读器串口不可用：{exception.Message}");
                LogPortProblem(settings.PortName!, exception.Message);
            }
            var delay = ReopenDelays[Math.Min(attempt++, ReopenDelays.Length - 1)];
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        await _poll.WaitAsync(cancellationToken);
        try
        {
            var terminal = _terminal ?? throw new IOException("The reader's port is closed.");
            var found = await terminal.FindAsync(cancellationToken);
            var outcome = found;
            if (found is IdCardReading.CardFound)
            {
                var due = presence.Card is null || time.GetUtcNow() - presence.LastRead >= TimeSpan.FromSeconds(options.Value.RereadSeconds);
                if (due)
                {
                    outcome = await terminal.SelectAndReadAsync(cancellationToken);
                    if (outcome is IdCardReading.CardRead read)
                    {
                        presence.Read(read.Card);
                    }
                }
            }
            else if (found is IdCardReading.NoCard)
            {
                presence.Left();
            }
            Judge(outcome);
        }
        finally
        {
            _poll.Release();
        }
    }

    /// <summary>Card-related answers mean a working reader; silence means offline; protocol errors in a row mean a fault.</summary>
    private void Judge(IdCardReading outcome)
    {
        switch (outcome)
        {
            case IdCardReading.NoAnswer noAnswer:
                _garbled = 0;
                if (++_silent >= SilentForOffline)
                {
                    presence.Left();
                    SetStatus(DeviceStatus.Offline, $"身份证阅读器无应答（{noAnswer.Command.Name}）");
                }
                break;
            case IdCardReading.Failed { IsCardProblem: false } failed:
                _silent = 0;
                LogBadAnswer(failed.Command.Name, failed.Reason);
                if (++_garbled >= GarbledForFault)
                {
                    SetStatus(DeviceStatus.Fault, $"身份证阅读器应答异常：{failed.Reason}");
                }
                break;
            default:
                _silent = _garbled = 0;
                SetStatus(DeviceStatus.Online, "身份证阅读器正常");
                break;
        }
    }

    private void SetStatus(DeviceStatus status, string detail)
    {
        if (presence.ReaderStatus != status.Name())
        {
            LogStatus(status.Name(), detail);
        }
        presence.SetReaderStatus(status.Name());
        reporter.ReportIdCardReader(status, detail);
    }

    public override void Dispose()
    {
        _poll.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ID card reader on {Port} at {Baud} baud")]
    private partial void LogOpened(string port, int baud);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ID card reader port {Port}: {Reason}; opening it again shortly")]
    private partial void LogPortProblem(string port, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "ID card reader is {Status}: {Detail}")]
    private partial void LogStatus(string status, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "ID card reader answered {Command} badly: {Reason}")]
    private partial void LogBadAnswer(string command, string reason);
}
