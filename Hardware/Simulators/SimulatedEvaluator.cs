using Hall.Hardware.HallBus;

namespace Hall.Hardware.Simulators;

/// <summary>A satisfaction evaluator (评价器): lights up on INVITE and sends the level pressed.</summary>
public sealed class SimulatedEvaluator : SimulatedDevice
{
    private Invitation? _lastInvitation;

    internal SimulatedEvaluator(SimulatedBus bus, byte address)
        : base(bus, address)
    {
    }

    public override string Kind => "evaluator";

    /// <summary>The last INVITE received, with its seconds.</summary>
    public Invitation? LastInvitation => Volatile.Read(ref _lastInvitation);

    public event EventHandler<Invitation>? Invited;

    /// <summary>Presses a level: a RATING frame with a new sequence byte, resent as the protocol says. True when acknowledged.</summary>
    public Task<bool> RateAsync(RatingLevel level, CancellationToken cancellationToken = default) =>
        SendEventAsync(HallBusFunction.Rating, new[] { (byte)level }, cancellationToken);

    /// <summary>An evaluator with a screen (protocol 1.1): the level and the numbers of the options the citizen ticked.</summary>
    public Task<bool> RateAsync(RatingLevel level, IReadOnlyList<byte> reasons, CancellationToken cancellationToken = default) =>
        SendEventAsync(HallBusFunction.Rating, reasons.Prepend((byte)level).ToArray(), cancellationToken);

    protected override bool Accepts(HallBusFrame command) =>
        command.Function == HallBusFunction.Invite ? command.Data.Length == 1 : base.Accepts(command);

    protected override void Apply(HallBusFrame command)
    {
        if (command.Function != HallBusFunction.Invite)
        {
            base.Apply(command);
            return;
        }
        var invitation = new Invitation(Address, command.Data.Span[0], Bus.Time.GetUtcNow());
        Volatile.Write(ref _lastInvitation, invitation);
        Invited?.Invoke(this, invitation);
    }
}
