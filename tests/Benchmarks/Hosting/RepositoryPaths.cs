namespace Hall.Benchmarks.Hosting;

/// <summary>Finds the repository (the folder holding Kiosk.sln) above the benchmark's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static readonly List<string> Created = [];

    public static string NewTempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "hall-bench", prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        lock (Created)
        {
            Created.Add(path);
        }
        return path;
    }

    /// <summary>
    /// Removes the run's databases and hall files once their servers have stopped; with <c>HALL_BENCH_KEEP=1</c> they
    /// stay (and are listed), to look at a seeded month's queries with the sqlite3 shell.
    /// </summary>
    public static void DeleteTempDirectories()
    {
        lock (Created)
        {
            if (Environment.GetEnvironmentVariable("HALL_BENCH_KEEP") == "1")
            {
                Console.WriteLine("Kept (HALL_BENCH_KEEP=1): " + string.Join(", ", Created));
                Created.Clear();
                return;
            }
            foreach (var path in Created)
            {
                try
                {
                    Directory.Delete(path, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
            Created.Clear();
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kiosk.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Kiosk.sln not found above " + AppContext.BaseDirectory);
    }
}
