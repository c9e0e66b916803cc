using System.Net;
using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Hall.QueueService.Metrics;
using Hall.QueueService.Tests.Supervision;
using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Metrics;

/// <summary><c>GET /metrics</c> of the real server process: what Prometheus scrapes after a few tickets, and who may scrape.</summary>
public sealed partial class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_count_tickets_per_service_and_read_the_queue_from_the_database()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("metrics")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        for (var i = 0; i < 3; i++)
        {
            (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).EnsureSuccessStatusCode();
        }
        (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 3 })).EnsureSuccessStatusCode();
        using var wang = await SupervisionPageTests.LoginAsync(server.BaseUrl, 1, "1001");
        foreach (var step in new[] { "call-next", "start", "finish" })
        {
            (await wang.PostAsync($"/api/windows/1/{step}", null)).EnsureSuccessStatusCode();
        }

        var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        // The demo hall's service 1 is 企业开办 (code 330100-QY-001), service 3 不动产登记 (330100-BD-003).
        Assert.Equal(3, Sample(text, "hall_tickets_issued_total", "330100-QY-001"));
        Assert.Equal(1, Sample(text, "hall_tickets_issued_total", "330100-BD-003"));
        Assert.Equal(2, Sample(text, "hall_tickets_waiting", "330100-QY-001"));
        Assert.Equal(1, Sample(text, "hall_tickets_waiting", "330100-BD-003"));
        Assert.Equal(0, Sample(text, "hall_tickets_waiting", "330100-SB-004"));
        Assert.Equal(1, Sample(text, "hall_tickets_called_total", "330100-QY-001"));
        Assert.Equal(1, Sample(text, "hall_tickets_served_total", "330100-QY-001"));
        Assert.Equal(1, Sample(text, "hall_wait_seconds_count", "330100-QY-001"));
        Assert.Equal(1, Sample(text, "hall_wait_seconds_bucket", "330100-QY-001", "le=\"+Inf\""));
        Assert.Equal(1, Sample(text, "hall_service_seconds_count", "330100-QY-001"));
        Assert.Contains("# TYPE hall_wait_seconds histogram", text);
        Assert.Equal(1, Sample(text, "hall_windows_open", null));
        Assert.Equal(0, Sample(text, "hall_sqlite_writers_waiting", null));
        Assert.Contains("service_name=\"企业开办\"", text);
        // ASP.NET Core's own instrumentation: the four issues, by route and status.
        Assert.Equal(4, Sample(text, "http_server_request_duration_seconds_count", null, "http_response_status_code=\"201\""));
    }

    [Fact]
    public async Task Metrics_are_refused_to_a_network_that_is_not_allowed()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.True(address is not null, "This test needs a non-loopback IPv4 address on the machine.");
        var port = FreePort.Next();
        // Listening on every address; the allowed network is one this machine is not in.
        await using var server = await HostProcess.StartAsync("QueueService", port,
            ["--urls", $"http://0.0.0.0:{port}", "--Queue:DataDirectory=" + TestPaths.NewTempDirectory("metrics-net"), "--Metrics:AllowedNetworks:0=198.51.100.0/24"]);
        using var fromLan = new HttpClient { BaseAddress = new Uri($"http://{address}:{port}") };

        var refused = await fromLan.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("metricsNetworkRefused", await refused.Content.ReadAsStringAsync());
        // A forwarded-for header does not make a LAN caller loopback.
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "127.0.0.1" } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await fromLan.SendAsync(forwarded)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fromLan.GetAsync("/health")).StatusCode);

        using var local = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/metrics")).StatusCode);
    }

    [Theory]
    [InlineData("10.20.0.0/24", "10.20.0.77", true)]
    [InlineData("10.20.0.0/24", "10.20.1.1", false)]
    [InlineData("fd00::/8", "fd00::2", true)]
    [InlineData(null, "127.0.0.1", true)]
    [InlineData(null, "::1", true)]
    [InlineData(null, "::ffff:127.0.0.1", true)]
    [InlineData(null, "192.0.2.2", false)]
    public void Allowed_networks_are_CIDR_and_loopback_is_always_allowed(string? network, string caller, bool allowed)
    {
        var options = new MetricsOptions { AllowedNetworks = network is null ? [] : [network] };
        Assert.Empty(Validate(options));
        Assert.Equal(allowed, options.Allows(IPAddress.Parse(caller)));
    }

    [Fact]
    public void A_network_that_is_not_CIDR_is_refused_naming_the_setting()
    {
        var errors = Validate(new MetricsOptions { AllowedNetworks = ["10.20.0.0/24", "office"] });
        Assert.Contains(errors, e => e.Contains("Metrics:AllowedNetworks:1 'office'", StringComparison.Ordinal));
    }

    private static List<string> Validate(MetricsOptions options) =>
        options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage ?? "").ToList();

    /// <summary>The value of the one sample of <paramref name="name"/> for a service code (and an extra label), or 0 if there is none.</summary>
    private static double Sample(string text, string name, string? service, string? label = null)
    {
        var values = text.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(l => service is null || l.Contains($"service=\"{service}\"", StringComparison.Ordinal))
            .Where(l => label is null || l.Contains(label, StringComparison.Ordinal))
            .Select(l => double.Parse(SampleValue().Match(l).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return values.Sum();
    }

    [GeneratedRegex(@"\}?\s(\S+)(\s\d+)?\s*$")]
    private static partial Regex SampleValue();
}
