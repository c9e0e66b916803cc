using Microsoft.Extensions.Logging;

namespace Hall.Hardware.HallBus;

/// <summary>
/// Matches device replies to the commands waiting for them and resends unanswered commands: one command per address
/// at a time, <see cref="HallBusHostOptions.CommandRetries"/> resends after <see cref="HallBusHostOptions.ReplyTimeout"/>.
/// Knows nothing about ports: <c>write</c> puts a frame on the line and says whether it went out.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001",
    Justification = "Its SemaphoreSlims never create a wait handle, so there is nothing to release.")]
internal sealed class CommandCorrelator(
    Func<HallBusFrame, CancellationToken, Task<bool>> write,
    TimeProvider time,
    HallBusHostOptions options,
    ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PendingCommand> _pending = [];
    private readonly SemaphoreSlim?[] _addressLocks = new SemaphoreSlim?[256];

    /// <summary>Sends a command to one device and waits for its reply, resending as the protocol says.</summary>
    public async Task<HallBusCommandResult> SendAsync(HallBusFrame command, CancellationToken cancellationToken)
    {
        var addressLock = AddressLock(command.Address);
        await addressLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var pending = new PendingCommand(command.Function);
        lock (_gate)
        {
            _pending[command.Address] = pending;
        }
        try
        {
            var tries = 1 + Math.Max(0, options.CommandRetries);
            for (var attempt = 1; attempt <= tries; attempt++)
            {
                if (!await write(command, cancellationToken).ConfigureAwait(false))
                {
                    return HallBusCommandResult.PortUnavailable;
                }
                try
                {
                    await pending.Replied.WaitAsync(options.ReplyTimeout, time, cancellationToken).ConfigureAwait(false);
                    return HallBusCommandResult.Acknowledged;
                }
                catch (TimeoutException)
                {
                    if (attempt < tries)
                    {
                        HallBusHostLog.Retrying(logger, options.Name, command.Address, command.Function, attempt + 1);
                    }
                }
            }
            HallBusHostLog.NoReply(logger, options.Name, command.Address, command.Function, tries);
            return HallBusCommandResult.NoReply;
        }
        finally
        {
            lock (_gate)
            {
                _pending.Remove(command.Address);
            }
            addressLock.Release();
        }
    }

    /// <summary>A device at <paramref name="address"/> answered with <paramref name="replyFunction"/>.</summary>
    public void OnReply(int address, HallBusFunction replyFunction)
    {
        PendingCommand? pending;
        lock (_gate)
        {
            pending = _pending.GetValueOrDefault(address);
        }
        if (pending is not null && pending.IsAnsweredBy(replyFunction))
        {
            pending.Complete();
        }
    }

    private SemaphoreSlim AddressLock(byte address)
    {
        var existing = Volatile.Read(ref _addressLocks[address]);
        if (existing is not null)
        {
            return existing;
        }
        var created = new SemaphoreSlim(1, 1);
        return Interlocked.CompareExchange(ref _addressLocks[address], created, null) ?? created;
    }

    /// <summary>A command waiting for its device's reply.</summary>
    private sealed class PendingCommand(HallBusFunction command)
    {
        private readonly TaskCompletionSource _replied = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Replied => _replied.Task;

        /// <summary>The <c>F | 0x80</c> reply; for PING also the STATUS answer the protocol asks for.</summary>
        public bool IsAnsweredBy(HallBusFunction reply) =>
            reply == HallBusFunctions.ReplyTo(command) ||
            (command == HallBusFunction.Ping && reply == HallBusFunction.Status);

        public void Complete() => _replied.TrySetResult();
    }
}
