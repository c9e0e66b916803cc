using System.Diagnostics;

namespace Hall.Hardware.Voice;

/// <summary>
/// Plays through a command-line player that reads a WAV file on standard input: <c>aplay</c> (ALSA),
/// <c>paplay</c> (PulseAudio) or <c>pw-play</c> (PipeWire). Linux and other Unix systems.
/// </summary>
public sealed class CommandLineAudioPlayer : IAudioPlayer
{
    /// <summary>Known players, the first found on PATH wins; each reads the WAV from standard input.</summary>
    public static readonly IReadOnlyList<(string Program, string[] Arguments)> KnownPlayers =
    [
        ("paplay", []),
        ("pw-play", ["-"]),
        ("aplay", ["-q", "-"]),
    ];

    private readonly string _program;
    private readonly string[] _arguments;

    public CommandLineAudioPlayer(string program, params string[] arguments)
    {
        _program = program;
        _arguments = arguments;
    }

    public string Name => Path.GetFileName(_program);

    /// <summary>The first known player found on PATH, or null when there is none.</summary>
    public static CommandLineAudioPlayer? FindOnPath()
    {
        foreach (var (program, arguments) in KnownPlayers)
        {
            var path = FindExecutable(program);
            if (path is not null)
            {
                return new CommandLineAudioPlayer(path, arguments);
            }
        }
        return null;
    }

    public async Task PlayAsync(WavAudio audio, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(_program)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{_program} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(audio.ToFileBytes(), cancellationToken);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Name} failed with exit code {process.ExitCode}: {(await errors).Trim()}");
        }
    }

    private static string? FindExecutable(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
