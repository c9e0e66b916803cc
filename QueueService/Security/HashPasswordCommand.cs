using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Security;

/// <summary>
/// <c>QueueService hash-password</c>: reads a password from standard input (its first line) and prints the hash that
/// <c>Admin:PasswordHash</c> takes, so the password itself never goes into a settings file or a shell history.
/// </summary>
public static class HashPasswordCommand
{
    public const int MinimumLength = 8;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "hash-password";

    public static async Task<int> RunAsync(TextReader input, TextWriter output, TextWriter error)
    {
        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? "";
        if (password.Length < MinimumLength)
        {
            await error.WriteLineAsync($"hash-password: the password must have at least {MinimumLength} characters (read from standard input).");
            return 2;
        }
        await output.WriteLineAsync(PinHasher.Hash(password));
        return 0;
    }
}
