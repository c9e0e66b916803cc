using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Abuse;

/// <summary>
/// PIN spraying at a kiosk: 4 wrong PINs for each of many clerks stays under every clerk's lock-out, so the address
/// itself is limited (RateLimits:GreenChannelTriesPerHour, 20 by default).
/// </summary>
public abstract class PinSprayTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(HallServerFactory.DefaultLimits(), hallDatabase);

    public void Dispose() => _hall.Dispose();

    private Task<HttpResponseMessage> GreenAsync(string staffCode, string pin) =>
        _hall.CreateClient().PostAsJsonAsync("/api/tickets", new { serviceId = 1, priority = "green", staffCode, pin });

    [Fact]
    public async Task One_address_gets_20_green_channel_tries_an_hour_across_all_staff_codes()
    {
        foreach (var staffCode in new[] { "1001", "1002", "1003", "1004", "1005" })
        {
            for (var i = 0; i < 4; i++)
            {
                var wrong = await GreenAsync(staffCode, "0000");
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            }
        }

        // The 21st try is refused before any PIN is checked, even the right PIN of a clerk nobody has tried.
        var refused = await GreenAsync("1006", "1234");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("tooManyPinTries", await refused.ProblemCodeAsync());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(50), refused.Headers.RetryAfter?.ToString());
        // It counted toward nobody's lock-out: that clerk logs in at a window.
        var login = await _hall.CreateClient().PostAsJsonAsync("/api/windows/6/login", new LoginRequest("1006", "1234"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        // Ordinary numbers are not held up, and no refusal took one.
        Assert.Equal("A001", (await _hall.IssueAsync(1)).Number);

        _hall.Clock.Advance(TimeSpan.FromHours(1));
        var green = await GreenAsync("1006", "1234");
        Assert.Equal(HttpStatusCode.Created, green.StatusCode);
    }
}

public sealed class PinSprayOnSqliteTests() : PinSprayTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PinSprayOnPostgresTests(PostgresServer postgres) : PinSprayTests(HallDatabase.Postgres(postgres));
