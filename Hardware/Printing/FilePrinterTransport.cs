using Hall.Hardware.EscPos;

namespace Hall.Hardware.Printing;

/// <summary>
/// The virtual printer: every job becomes <c>&lt;job name&gt;.bin</c> in a folder, holding exactly the bytes a thermal
/// printer would get. For demos, tests and halls that print elsewhere. A job with the same name (a reprint, or the
/// same number on another day) replaces the file.
/// </summary>
public sealed class FilePrinterTransport(string folder) : IPrinterTransport
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public string Description => $"file {Folder}";

    public Task<PrinterStatus> ReadStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            return Task.FromResult(PrinterStatus.Ready);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(PrinterStatus.Ready with { Offline = true });
        }
    }

    public async Task<PrintResult> PrintAsync(string jobName, ReadOnlyMemory<byte> job, CancellationToken cancellationToken)
    {
        var path = PathFor(jobName);
        // Written beside and moved into place, so whoever watches the folder never sees half a ticket.
        var partial = Path.Combine(Folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".part");
        try
        {
            Directory.CreateDirectory(Folder);
            await File.WriteAllBytesAsync(partial, job, cancellationToken);
            File.Move(partial, path, overwrite: true);
            return PrintResult.Success(PrinterStatus.Ready);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            return PrintResult.Failure(PrinterStatus.Ready with { Offline = true }, $"无法写入虚拟打印机目录 {Folder}：{exception.Message}");
        }
    }

    /// <summary>The file a job of this name is written to.</summary>
    public string PathFor(string jobName)
    {
        var safe = string.Concat(jobName.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' ? '_' : c));
        if (safe.Length == 0 || safe.Trim('.').Length == 0)
        {
            throw new ArgumentException("A job needs a name made of more than dots.", nameof(jobName));
        }
        return Path.Combine(Folder, safe + ".bin");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
