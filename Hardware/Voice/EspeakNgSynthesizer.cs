using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Hall.Hardware.Voice;

/// <summary>
/// Speech through the espeak-ng program (Linux package <c>espeak-ng</c>; on Windows its installer, with
/// <paramref name="executable"/> pointing at <c>espeak-ng.exe</c> when it is not on PATH). Mandarin is the <c>cmn</c> voice.
/// The text goes in on standard input as UTF-8 (no command-line encoding trouble) and the WAV comes back on standard output.
/// </summary>
public sealed class EspeakNgSynthesizer(string executable = "espeak-ng", string voice = "cmn", int wordsPerMinute = 150) : ISpeechSynthesizer
{
    public async Task<WavAudio> SynthesizeAsync(string text, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        foreach (var argument in new[] { "-v", voice, "-s", wordsPerMinute.ToString(), "-b", "1", "--stdin", "--stdout" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"The speech program '{executable}' could not be started ({ex.Message}). Install espeak-ng (Debian: apt-get install espeak-ng) or set its path.", ex);
        }

        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken);
            process.StandardInput.Close();
            await reading;
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var error = await errors;
        if (process.ExitCode != 0 || output.Length == 0)
        {
            throw new InvalidOperationException($"{executable} failed with exit code {process.ExitCode}: {error.Trim()}");
        }
        return WavAudio.Parse(output.GetBuffer().AsSpan(0, (int)output.Length));
    }
}
