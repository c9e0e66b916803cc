namespace Hall.DisplayBoard.Tests.Support;

/// <summary>Completes <see cref="Reached"/> once a folder holds at least a number of files matching a pattern.</summary>
public sealed class FileCount : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly string _directory;
    private readonly string _pattern;
    private readonly int _count;
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FileCount(string directory, string pattern, int count)
    {
        Directory.CreateDirectory(directory);
        _directory = directory;
        _pattern = pattern;
        _count = count;
        _watcher = new FileSystemWatcher(directory) { EnableRaisingEvents = true };
        _watcher.Created += (_, _) => Check();
        _watcher.Renamed += (_, _) => Check();
        Check();
    }

    public Task Reached => _reached.Task;

    public string[] Files => Directory.GetFiles(_directory, _pattern);

    private void Check()
    {
        if (Files.Length >= _count)
        {
            _reached.TrySetResult();
        }
    }

    public void Dispose() => _watcher.Dispose();
}
