using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Security;

/// <summary>Each kiosk issues at most its allowance per minute; the allowance refills with the (test) clock.</summary>
public abstract class IssueRateLimitTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(SecuredHall.Settings(h => h with
    {
        Devices = h.Devices.Select(d => d.Id == "kiosk-2" ? d with { IssuesPerMinute = 3 } : d).ToList(),
    }), hallDatabase);

    public void Dispose() => _hall.Dispose();

    private Task<HttpResponseMessage> IssueAsync(string key) =>
        _hall.CreateClient().WithDeviceKey(key).PostAsJsonAsync("/api/tickets", new { serviceId = 2 });

    [Fact]
    public async Task A_kiosk_over_its_allowance_gets_429_with_retry_after_and_other_kiosks_are_not_affected()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await IssueAsync(SecuredHall.Kiosk2Key)).StatusCode);
        }
        var refused = await IssueAsync(SecuredHall.Kiosk2Key);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(20), refused.Headers.RetryAfter?.Delta);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("issuingTooFast", problem.GetProperty("code").GetString());
        Assert.Contains("20 秒", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // kiosk-1 has the hall's default of 30 a minute.
        Assert.Equal(HttpStatusCode.Created, (await IssueAsync(SecuredHall.Kiosk1Key)).StatusCode);

        _hall.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Created, (await IssueAsync(SecuredHall.Kiosk2Key)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await IssueAsync(SecuredHall.Kiosk2Key)).StatusCode);

        // Refused requests took no number: the numbers stay gap-free.
        var admin = _hall.CreateAdminClient();
        var services = await admin.GetFromJsonAsync<JsonElement>("/api/services");
        Assert.Equal(5, services.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == 2).GetProperty("waiting").GetInt32());
    }
}

public sealed class IssueRateLimitOnSqliteTests() : IssueRateLimitTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class IssueRateLimitOnPostgresTests(PostgresServer postgres) : IssueRateLimitTests(HallDatabase.Postgres(postgres));
