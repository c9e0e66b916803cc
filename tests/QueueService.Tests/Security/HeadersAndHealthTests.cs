using System.Net;
using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.Security;

public sealed class HeadersAndHealthTests : IDisposable
{
    private readonly HallServerFactory _hall = new();

    [Fact]
    public async Task Pages_carry_security_headers_and_a_content_policy()
    {
        var issued = await _hall.IssueAsync(1);
        var page = await _hall.CreateClient().GetAsync($"/t/{issued.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var api = await _hall.CreateClient().GetAsync("/api/services");
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Readiness_checks_the_database()
    {
        var ready = await _hall.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("sqlite", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _hall.Dispose();
}
