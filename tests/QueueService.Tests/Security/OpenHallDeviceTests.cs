using System.Net;
using System.Net.Http.Json;
using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.Security;

/// <summary>The demo hall makes device keys optional (the interface contract issues without one), but a key presented is still checked.</summary>
public sealed class OpenHallDeviceTests : IDisposable
{
    private readonly HallServerFactory _hall = new();

    public void Dispose() => _hall.Dispose();

    [Fact]
    public async Task Without_a_key_anyone_may_issue_but_a_wrong_or_revoked_key_is_refused()
    {
        Assert.Equal(HttpStatusCode.Created, (await _hall.CreateClient().PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _hall.CreateClient().WithDeviceKey(SecuredHall.Kiosk1Key).PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().WithDeviceKey("kiosk-1.wrong-key-1234").PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _hall.CreateClient().WithDeviceKey(SecuredHall.Evaluator1Key).PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).StatusCode);
        await _hall.CreateAdminClient().DeleteAsync("/api/admin/devices/kiosk-1/key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().WithDeviceKey(SecuredHall.Kiosk1Key).PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).StatusCode);
    }

    [Fact]
    public async Task Statistics_are_open_in_the_demo_hall_but_follow_ups_need_a_supervisor()
    {
        Assert.Equal(HttpStatusCode.OK, (await _hall.CreateClient().GetAsync("/api/stats?from=2026-11-23&to=2026-11-23")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().GetAsync("/api/follow-ups")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().GetAsync("/api/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().GetAsync("/api/devices")).StatusCode);
    }
}
