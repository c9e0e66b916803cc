using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Xunit;

namespace Hall.KioskApp.Tests.Support;

/// <summary>One real QueueService process with a fresh demo hall, shared by the tests of the "hall" collection.</summary>
public sealed class HallServerFixture : IAsyncLifetime
{
    private HostProcess? _server;

    public HostProcess Server => _server ?? throw new InvalidOperationException("The hall server is not started.");

    public string Url => Server.BaseUrl;

    public HttpClient Http { get; } = new() { Timeout = TestTimeouts.Process };

    public async Task InitializeAsync()
    {
        var dataDirectory = TestPaths.NewTempDirectory("kiosk-hall");
        _server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + dataDirectory]);
    }

    public async Task<IReadOnlyList<ServiceInfo>> ServicesAsync() =>
        (await Http.GetFromJsonAsync<List<ServiceInfo>>(Url + "/api/services"))!;

    public async Task<ServiceInfo> OpenServiceAsync(string prefix = "A") =>
        (await ServicesAsync()).First(s => s.IsOpen && s.Prefix == prefix);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HallCollection : ICollectionFixture<HallServerFixture>
{
    public const string Name = "hall";
}
