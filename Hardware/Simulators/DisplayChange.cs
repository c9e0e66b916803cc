namespace Hall.Hardware.Simulators;

/// <summary>A SHOW changed what a simulated device displays.</summary>
/// <param name="Lines">Both lines after the change.</param>
public sealed record DisplayChange(int Address, int Line, string Text, IReadOnlyList<string> Lines);

/// <summary>An evaluator was invited to collect a rating.</summary>
public sealed record Invitation(int Address, int Seconds, DateTimeOffset ReceivedAt);
