using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.TestSupport;
using Hall.TestSupport.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hall.QueueService.Tests.Infrastructure;

/// <summary>
/// The hall server in memory (<see cref="WebApplicationFactory{TEntryPoint}"/>) on a fresh database (a SQLite file
/// in a temp folder unless a <see cref="HallDatabase"/> says otherwise), with a clock the test moves. Starts at
/// Monday 2026-11-23 09:00 in Asia/Shanghai.
/// </summary>
public sealed class HallServerFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly Dictionary<string, string?> _settings;
    private readonly HallDatabase.Store _store;
    private bool _storeDisposed;

    public HallServerFactory(Dictionary<string, string?>? settings = null, HallDatabase? database = null)
    {
        Database = database ?? HallDatabase.Sqlite;
        DataDirectory = TestPaths.NewTempDirectory("queue");
        _store = Database.Create(DataDirectory);
        _settings = new Dictionary<string, string?>(settings ?? []) { ["Queue:DataDirectory"] = DataDirectory };
        // The in-memory server sees every client as one unknown address; tests of other features take many numbers
        // and bookings, so the per-address limits are lifted unless a test sets them (the abuse tests use the defaults).
        foreach (var limit in PerAddressLimits)
        {
            _settings.TryAdd("RateLimits:" + limit, "100000");
        }
        foreach (var (key, value) in _store.Settings)
        {
            _settings[key] = value;
        }
    }

    public static readonly string[] PerAddressLimits =
        ["RemoteTicketsPerHour", "AppointmentsPerHour", "ComplaintsPerHour", "LoginsPerMinute", "GreenChannelTriesPerHour", "HubNegotiationsPerMinute", "AnonymousWritesPerMinute", "AnonymousReadsPerMinute"];

    /// <summary>The per-address limits at their defaults (for the abuse tests): pass as settings.</summary>
    public static Dictionary<string, string?> DefaultLimits(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? []);
        var defaults = new Hall.QueueService.Security.RateLimiting.RateLimitOptions();
        foreach (var limit in PerAddressLimits)
        {
            all.TryAdd("RateLimits:" + limit, typeof(Hall.QueueService.Security.RateLimiting.RateLimitOptions).GetProperty(limit)!.GetValue(defaults)!.ToString());
        }
        return all;
    }

    /// <summary>SQLite unless the test chose PostgreSQL.</summary>
    public HallDatabase Database { get; }

    public string DataDirectory { get; }

    /// <summary>Everything the hall's database holds, as text (to check what is never stored in clear).</summary>
    public Task<string> StoredTextAsync() => _store.StoredTextAsync();

    public ManualTimeProvider Clock { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Issues a ticket; a green-channel staff code comes with the demo PIN unless the test gives another.</summary>
    public async Task<IssuedTicket> IssueAsync(int serviceId, string? priority = null, string? idNumber = null, string? staffCode = null, string? pin = null)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/tickets",
            new IssueTicketRequest(serviceId, priority, null, idNumber, staffCode, pin ?? (staffCode is null ? null : DemoCredentials.Pin)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options))!;
    }

    /// <summary>An HTTP client logged in as a clerk at a window.</summary>
    public async Task<HttpClient> LoginAsync(int window, string staffCode, string pin = DemoCredentials.Pin)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync($"/api/windows/{window}/login", new LoginRequest(staffCode, pin));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var login = (await response.Content.ReadFromJsonAsync<LoginResponse>(Json.Options))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Token);
        return client;
    }

    /// <summary>An HTTP client with the demo administrator's credentials (HTTP Basic), who may also do what supervisors do.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        return client;
    }

    /// <summary>An HTTP client logged in as the demo hall's supervisor (9001).</summary>
    public async Task<HttpClient> LoginSupervisorAsync(string staffCode = "9001", string pin = DemoCredentials.Pin)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/supervision/login", new LoginRequest(staffCode, pin));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_storeDisposed)
        {
            _storeDisposed = true;
            _store.Dispose();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
