using System.Security.Cryptography;

namespace Hall.QueueService.Security;

/// <summary>
/// A secret key kept in a file beside (never inside) the database, so that a copy of the database or of its backup
/// does not carry it. A configured file must exist and hold at least <see cref="MinimumBytes"/> bytes; without a
/// setting the key is a file in the data directory, made with fresh random bytes on first start. Problems stop
/// start-up with a message naming the setting.
/// </summary>
public static class SecretKeyFile
{
    public const int MinimumBytes = 32;

    /// <summary>The path a key is read from: the configured file, else <paramref name="defaultName"/> in the data directory.</summary>
    public static string PathOf(string? configuredPath, string dataDirectory, string defaultName) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configuredPath) ? Path.Combine(dataDirectory, defaultName) : configuredPath);

    /// <summary>Reads the configured key file, or the data directory's (made when missing).</summary>
    public static byte[] LoadOrCreate(string setting, string? configuredPath, string dataDirectory, string defaultName)
    {
        var path = PathOf(configuredPath, dataDirectory, defaultName);
        if (string.IsNullOrWhiteSpace(configuredPath) && !File.Exists(path))
        {
            Write(path, RandomNumberGenerator.GetBytes(MinimumBytes));
        }
        return Read(setting, path);
    }

    /// <summary>Reads a key that must already exist (an auditor's copy, a configured file); never makes one.</summary>
    public static byte[] Read(string setting, string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting}: the key file {path} does not exist (make one with: head -c {MinimumBytes} /dev/urandom > {path}).");
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}: the key file {path} cannot be read: {e.Message}", e);
        }
        return bytes.Length >= MinimumBytes
            ? bytes
            : throw new InvalidOperationException($"{setting}: the key file {path} holds {bytes.Length} bytes; it needs at least {MinimumBytes} random bytes.");
    }

    /// <summary>
    /// Writes a key to a new file readable by this user only. A second instance racing to do the same keeps the file
    /// that was made first.
    /// </summary>
    public static void Write(string path, byte[] key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var file = new FileStream(path, options);
            file.Write(key);
            file.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Made by another instance on the same data directory meanwhile: use theirs.
        }
    }
}
