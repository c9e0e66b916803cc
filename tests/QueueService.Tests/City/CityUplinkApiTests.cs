using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.QueueService.Uplink;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.City;

/// <summary>
/// A city server (<c>Queue:Role=city</c> on the real PostgreSQL) taking batches the way a hall sends them: hall keys
/// issued and revoked by the administrator; a batch sent twice taken once; a gap or a changed event refused and alerted.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CityUplinkApiTests(PostgresServer postgres) : IAsyncLifetime
{
    private HallServerFactory _city = null!;

    public Task InitializeAsync()
    {
        _city = new HallServerFactory(new() { ["Queue:Role"] = "city" }, HallDatabase.Postgres(postgres));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _city.DisposeAsync();

    [Fact]
    public async Task Hall_keys_are_issued_once_listed_and_revoked_and_a_revoked_key_is_refused()
    {
        using var admin = _city.CreateAdminClient();
        var key = await IssueKeyAsync(admin, "north", "北区政务服务中心");
        Assert.StartsWith("north.", key, StringComparison.Ordinal);
        var again = await admin.PostAsJsonAsync("/api/admin/uplink-halls", new { hallId = "north", name = "北区" });
        Assert.Equal("uplinkHallExists", await RefusedAsync(again, HttpStatusCode.Conflict));
        Assert.Equal("uplinkHallInvalid", await RefusedAsync(
            await admin.PostAsJsonAsync("/api/admin/uplink-halls", new { hallId = "no spaces", name = "x" }), HttpStatusCode.BadRequest));
        Assert.Equal("uplinkHallInvalid", await RefusedAsync(
            await admin.PostAsJsonAsync("/api/admin/uplink-halls", new { hallId = "demo", name = "the city's own" }), HttpStatusCode.BadRequest));

        using var hall = HallClient(key);
        Assert.Equal(HttpStatusCode.OK, (await hall.PostAsJsonAsync("/api/uplink/events", Batch("north", 0, null, 2), UplinkJson.Options)).StatusCode);
        using var nobody = _city.CreateClient();
        Assert.Equal("hallKeyRequired", await RefusedAsync(
            await nobody.PostAsJsonAsync("/api/uplink/events", Batch("north", 0, null, 1), UplinkJson.Options), HttpStatusCode.Unauthorized));

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/admin/uplink-halls");
        Assert.Equal(2, listed.EnumerateArray().Single().GetProperty("lastEventId").GetInt64());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/uplink-halls/north")).StatusCode);
        Assert.Equal("hallKeyInvalid", await RefusedAsync(
            await hall.PostAsJsonAsync("/api/uplink/events", Batch("north", 2, "hash-2", 1), UplinkJson.Options), HttpStatusCode.Unauthorized));
        // A new key for the hall carries its chain on.
        var renewed = await IssueKeyAsync(admin, "north", "北区政务服务中心");
        using var renewedHall = HallClient(renewed);
        var taken = await renewedHall.PostAsJsonAsync("/api/uplink/events", Batch("north", 2, "hash-2", 1), UplinkJson.Options);
        Assert.Equal(3, (await taken.Content.ReadFromJsonAsync<UplinkAcknowledgement>(UplinkJson.Options))!.AcceptedThrough);
    }

    [Fact]
    public async Task A_batch_sent_twice_is_taken_once_and_a_gap_or_a_changed_event_is_refused_and_alerted()
    {
        using var admin = _city.CreateAdminClient();
        using var hall = HallClient(await IssueKeyAsync(admin, "south", "南区政务服务中心"));
        var first = Batch("south", 0, null, 3);
        for (var i = 0; i < 2; i++)
        {
            var answer = await hall.PostAsJsonAsync("/api/uplink/events", first, UplinkJson.Options);
            Assert.Equal(new UplinkAcknowledgement(3, "hash-3"), await answer.Content.ReadFromJsonAsync<UplinkAcknowledgement>(UplinkJson.Options));
        }
        var stats = await admin.GetFromJsonAsync<JsonElement>("/api/city/stats?from=2026-11-23&to=2026-11-23");
        Assert.Equal(3, stats.GetProperty("halls").EnumerateArray().Single().GetProperty("issued").GetInt64());

        // Another hall's batch with this key.
        Assert.Equal("otherHallsBatch", await RefusedAsync(
            await hall.PostAsJsonAsync("/api/uplink/events", Batch("north", 0, null, 1), UplinkJson.Options), HttpStatusCode.Forbidden));

        // Event 5 says it follows a hash the city never received: event 4 is missing.
        var gap = Batch("south", 4, "hash-4", 1);
        Assert.Equal("uplinkChainBroken", await RefusedAsync(
            await hall.PostAsJsonAsync("/api/uplink/events", gap, UplinkJson.Options), HttpStatusCode.Conflict));
        // Event 2 again, changed.
        var changed = first with { Events = [first.Events[1] with { Hash = "rewritten" }] };
        Assert.Equal("uplinkEventChanged", await RefusedAsync(
            await hall.PostAsJsonAsync("/api/uplink/events", changed, UplinkJson.Options), HttpStatusCode.Conflict));

        var halls = await admin.GetFromJsonAsync<JsonElement>("/api/city/halls");
        var south = halls.EnumerateArray().Single(h => h.GetProperty("hallId").GetString() == "south");
        Assert.StartsWith("uplinkEventChanged", south.GetProperty("refusedReason").GetString(), StringComparison.Ordinal);
        var alerts = await admin.GetFromJsonAsync<JsonElement>("/api/alerts");
        Assert.Equal(2, alerts.EnumerateArray().Count(a => a.GetProperty("kind").GetString() == "uplinkRefused"));
        // Nothing of the refused batches was kept: the chain still ends at event 3.
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>("/api/admin/uplink-halls")).EnumerateArray()
            .Single(h => h.GetProperty("hallId").GetString() == "south").GetProperty("lastEventId").GetInt64());
    }

    [Fact]
    public async Task A_hall_server_has_no_city_endpoints()
    {
        await using var hallServer = new HallServerFactory();
        using var admin = hallServer.CreateAdminClient();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/city/halls")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/admin/uplink-halls", new { hallId = "x", name = "x" })).StatusCode);
    }

    private static async Task<string?> RefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ProblemCodeAsync();
    }

    private HttpClient HallClient(string key)
    {
        var client = _city.CreateClient();
        client.DefaultRequestHeaders.Add(UplinkSender.KeyHeader, key);
        return client;
    }

    private static async Task<string> IssueKeyAsync(HttpClient admin, string hallId, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/uplink-halls", new { hallId, name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary><paramref name="count"/> issued tickets as events after <paramref name="after"/>, linked as a hall links them ("hash-N").</summary>
    private static UplinkBatch Batch(string hallId, long after, string? previousHash, int count)
    {
        var events = new List<UplinkEvent>();
        var start = HallServerFactory.Start.ToUnixTimeMilliseconds();
        for (var id = after + 1; id <= after + count; id++)
        {
            var ticket = new UplinkTicket("2026-11-23", 1, 0, start + id, null, null, null, null, null, 0, 5, null, false, null);
            events.Add(new UplinkEvent(id, previousHash, $"hash-{id}", $"ticket-{id}", "issued", start + id, "2026-11-23", null, null, "kiosk-1", 1, null, ticket));
            previousHash = $"hash-{id}";
        }
        return new UplinkBatch(hallId, hallId, HallServerFactory.Start, 0, new UplinkProfile("Asia/Shanghai", [new UplinkService(1, "户籍", 15)]), [], events);
    }
}
