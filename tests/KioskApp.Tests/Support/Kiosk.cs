using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.KioskApp.Tests.Support;

/// <summary>A real KioskApp process, started exactly as the contract starts it.</summary>
public sealed class Kiosk : IAsyncDisposable
{
    private Kiosk(HostProcess process, string printerFolder)
    {
        Process = process;
        PrinterFolder = printerFolder;
        Http = new HttpClient { BaseAddress = new Uri(process.BaseUrl), Timeout = TestTimeouts.Run };
    }

    public HostProcess Process { get; }

    public string Url => Process.BaseUrl;

    /// <summary>The file printer's folder (empty for other transports).</summary>
    public string PrinterFolder { get; }

    public HttpClient Http { get; }

    /// <summary>A kiosk printing to a new folder with the file transport.</summary>
    public static async Task<Kiosk> StartWithFilePrinterAsync(string serverUrl, params string[] extra)
    {
        var folder = TestPaths.NewTempDirectory("kiosk-printer");
        return await StartAsync(serverUrl, folder, ["--Printer:Transport=file", "--Printer:Target=" + folder, .. extra]);
    }

    public static async Task<Kiosk> StartAsync(string serverUrl, string printerFolder, IEnumerable<string> arguments)
    {
        var process = await HostProcess.StartAsync("KioskApp", FreePort.Next(),
            ["--Kiosk:ServerUrl=" + serverUrl, "--Kiosk:DeviceId=kiosk-" + Guid.NewGuid().ToString("N")[..6], .. arguments]);
        return new Kiosk(process, printerFolder);
    }

    public string TicketFile(string number) => Path.Combine(PrinterFolder, number + ".bin");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
    }
}
