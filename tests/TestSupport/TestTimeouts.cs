namespace Hall.TestSupport;

/// <summary>
/// How long a test waits for something that should happen, by what it waits on. Bounds, not measurements: a passing
/// test never waits this long; a broken one fails instead of hanging.
/// </summary>
public static class TestTimeouts
{
    /// <summary>Parts inside the test process: a pseudo-terminal, an in-memory cable, a local socket, a fake clock's timers.</summary>
    public static readonly TimeSpan Local = TimeSpan.FromSeconds(10);

    /// <summary>A server or app in a child process, or a browser page, answering or reacting.</summary>
    public static readonly TimeSpan Process = TimeSpan.FromSeconds(20);

    /// <summary>Programs started from cold (<c>dotnet run</c>), speech synthesis, or several instances agreeing.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromSeconds(30);

    /// <summary>A whole program run to its end (a backup, a restore, a hash tool), or many clients at once under load.</summary>
    public static readonly TimeSpan Run = TimeSpan.FromSeconds(60);
}
